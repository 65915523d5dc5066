using Org.BouncyCastle.Tls;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>
/// Thrown by <see cref="DtlsDatagramTransport"/> after the handshake when BouncyCastle asks for a datagram and none is
/// queued: every datagram delivered so far has been processed. It only ends BouncyCastle's receive loop and never
/// leaves <see cref="DtlsSrtpTransport"/>.
/// </summary>
/// <remarks>
/// BouncyCastle's <c>DtlsTransport.Receive</c> loops until it has application data or its wait is over, and treats
/// "nothing yet" (-1) as a reason to ask again, so it cannot be told "process what is there and return". Of what a
/// transport may throw, only a received fatal alert passes through it untouched: it neither fails the association
/// (sending an alert and closing, as it does for an <see cref="System.IO.IOException"/>) nor is taken for a timeout and
/// retried. Deriving from <see cref="TlsFatalAlertReceived"/> is what makes this exception leave it that way; the
/// association stays as it was.
/// </remarks>
internal sealed class DtlsInboundDrained : TlsFatalAlertReceived
{
    /// <summary>Creates the signal.</summary>
    public DtlsInboundDrained()
        : base(Org.BouncyCastle.Tls.AlertDescription.close_notify)
    {
    }
}
