using System;
using System.Threading;
using Org.BouncyCastle.Tls;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>Turns what BouncyCastle threw into this stack's typed failure.</summary>
internal static class DtlsFailureMapper
{
    /// <summary>The exception a failed handshake reports to the caller.</summary>
    public static Exception Map(Exception thrown, DtlsHandshakeState state, bool transportClosed, CancellationToken cancellationToken, TimeSpan timeout)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException("The DTLS handshake was cancelled.", thrown, cancellationToken);
        }

        if (state.Failure is { } failure)
        {
            return new DtlsHandshakeException(failure, state.FailureDetail ?? failure.ToString(), null, thrown);
        }

        if (thrown is TlsTimeoutException)
        {
            string text = "The DTLS handshake did not finish within " + timeout.TotalSeconds + " s.";
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

        if (transportClosed)
        {
            return new DtlsHandshakeException(DtlsHandshakeError.TransportClosed, "The transport closed before the DTLS handshake finished.", null, thrown);
        }

        return new DtlsHandshakeException(DtlsHandshakeError.ProtocolError, "DTLS handshake failed: " + thrown.Message, null, thrown);
    }
}
