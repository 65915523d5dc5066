using System;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>A handshake flight was sent again.</summary>
internal sealed class DtlsRetransmissionEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public DtlsRetransmissionEventArgs(int flight, int attempt, TimeSpan expiredTimeout, DateTimeOffset sentAt)
    {
        Flight = flight;
        Attempt = attempt;
        ExpiredTimeout = expiredTimeout;
        SentAt = sentAt;
    }

    /// <summary>Which of this endpoint's flights, counting from 1.</summary>
    public int Flight { get; }

    /// <summary>How many times this flight has been sent again, this time included.</summary>
    public int Attempt { get; }

    /// <summary>
    /// The retransmission timeout that expired; <see cref="TimeSpan.Zero"/> when the flight went again without the
    /// timer, because the peer repeated its own last flight (RFC 6347 section 4.2.4).
    /// </summary>
    public TimeSpan ExpiredTimeout { get; }

    /// <summary>True when the retransmission timer caused it.</summary>
    public bool ByTimer => ExpiredTimeout > TimeSpan.Zero;

    /// <summary>When the flight went out, on the transport's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset SentAt { get; }
}
