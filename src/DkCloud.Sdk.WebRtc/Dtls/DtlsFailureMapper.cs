using System;
using System.Globalization;
using System.Threading;
using Org.BouncyCastle.Tls;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>Turns what BouncyCastle threw into this stack's typed failure.</summary>
internal static class DtlsFailureMapper
{
    /// <summary>The exception a failed handshake reports to the caller.</summary>
    public static Exception Map(DtlsFailure failure, DtlsHandshakeState state, CancellationToken cancellationToken, TimeSpan timeout)
    {
        Exception thrown = failure.Thrown;
        if (cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException("The DTLS handshake was cancelled.", thrown, cancellationToken);
        }

        if (state.Failure is { } error)
        {
            return new DtlsHandshakeException(error, state.FailureDetail ?? error.ToString(), null, thrown);
        }

        if (failure.TimedOut || thrown is TlsTimeoutException)
        {
            string text = "The DTLS handshake did not finish within " + timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s ("
                + failure.Flights + (failure.Flights == 1 ? " flight" : " flights") + " sent, "
                + failure.TimerRetransmissions + (failure.TimerRetransmissions == 1 ? " retransmission" : " retransmissions") + " on timeout).";
            return new OperationCanceledException(text, new TimeoutException(text, thrown));
        }

        if (thrown is TlsFatalAlertReceived received)
        {
            return new DtlsHandshakeException(DtlsHandshakeError.AlertReceived, "The peer sent fatal alert " + AlertDescription.GetText(received.AlertDescription) + ".", received.AlertDescription, thrown);
        }

        if (state.ReceivedAlert is { } alert)
        {
            return new DtlsHandshakeException(DtlsHandshakeError.AlertReceived, "The peer sent fatal alert " + AlertDescription.GetText(alert) + ".", alert, thrown);
        }

        if (thrown is TlsFatalAlert raised)
        {
            return new DtlsHandshakeException(DtlsHandshakeError.ProtocolError, "DTLS handshake failed: " + AlertDescription.GetText(raised.AlertDescription) + ".", raised.AlertDescription, thrown);
        }

        if (failure.TransportClosed)
        {
            return new DtlsHandshakeException(DtlsHandshakeError.TransportClosed, "The transport closed before the DTLS handshake finished.", null, thrown);
        }

        return new DtlsHandshakeException(DtlsHandshakeError.ProtocolError, "DTLS handshake failed: " + thrown.Message, null, thrown);
    }
}
