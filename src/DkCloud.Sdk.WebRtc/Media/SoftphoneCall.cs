using System;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Sip.UserAgent;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>One call of a <see cref="Softphone"/>: the SIP dialog and its media session; the softphone stops the media when the call ends.</summary>
internal sealed class SoftphoneCall
{
    internal SoftphoneCall(SipCall sip, MediaSession media)
    {
        Sip = sip;
        Media = media;
    }

    /// <summary>The SIP side: state, dialog, events.</summary>
    public SipCall Sip { get; }

    /// <summary>The media side: ICE, DTLS-SRTP, RTP, counters.</summary>
    public MediaSession Media { get; }

    /// <summary>Completes when the call has ended, with why.</summary>
    public Task<SipCallEndedEventArgs> WhenEnded => Sip.WhenEnded;

    /// <summary>Ends the call (BYE, or CANCEL while ringing) and stops its media.</summary>
    public async Task HangupAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await Sip.HangupAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Media.Dispose();
        }
    }
}
