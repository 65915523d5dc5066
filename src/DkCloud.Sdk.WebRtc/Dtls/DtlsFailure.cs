using System;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>What the DTLS thread knew when a handshake failed, for <see cref="DtlsFailureMapper"/>.</summary>
internal sealed class DtlsFailure
{
    /// <summary>Creates the record.</summary>
    public DtlsFailure(Exception thrown, bool transportClosed, bool timedOut, int flights, int timerRetransmissions)
    {
        Thrown = thrown;
        TransportClosed = transportClosed;
        TimedOut = timedOut;
        Flights = flights;
        TimerRetransmissions = timerRetransmissions;
    }

    /// <summary>What BouncyCastle threw.</summary>
    public Exception Thrown { get; }

    /// <summary>True when the transport had been closed (cancellation, timeout, disposal) before BouncyCastle gave up.</summary>
    public bool TransportClosed { get; }

    /// <summary>True when the handshake timeout closed the transport.</summary>
    public bool TimedOut { get; }

    /// <summary>Handshake flights this endpoint sent, not counting retransmissions.</summary>
    public int Flights { get; }

    /// <summary>Flights sent again because the retransmission timer ran out.</summary>
    public int TimerRetransmissions { get; }
}
