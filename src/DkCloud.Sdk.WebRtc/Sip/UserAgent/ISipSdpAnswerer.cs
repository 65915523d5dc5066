using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.Sdk.WebRtc.Sip.UserAgent;

/// <summary>
/// The media session's side of an offer the far end makes inside a call (re-INVITE or UPDATE, e.g. hold with
/// <c>a=sendonly</c> and resume): it applies the new remote SDP to the media and returns the local answer.
/// </summary>
internal interface ISipSdpAnswerer
{
    /// <summary>Applies <paramref name="remoteOffer"/> and returns the SDP answer (a held call answers recvonly or inactive).</summary>
    /// <exception cref="System.Exception">Any exception makes the user agent reject the offer with 488, keeping the old session.</exception>
    Task<string> AnswerAsync(SipCall call, string remoteOffer, CancellationToken cancellationToken);
}
