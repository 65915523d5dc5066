using DkCloud.Sdk.WebRtc.Media;
using DkCloud.Sdk.WebRtc.Sip.UserAgent;

namespace DkCloud.Emulator.Media;

/// <summary>The emulator's end of one agent leg on a WebRTC extension: the INVITE it placed and the media it sends and receives.</summary>
internal sealed class ExtensionLeg
{
    public ExtensionLeg(string linkedId, string legKey, MediaSession media)
    {
        LinkedId = linkedId;
        LegKey = legKey;
        Media = media;
    }

    public string LinkedId { get; }

    public string LegKey { get; }

    public MediaSession Media { get; }

    public SipCall? Sip { get; set; }

    /// <summary>Set when the emulator itself ends the leg, so the end is not reported back as the agent's.</summary>
    public bool Closing { get; set; }

    /// <summary>Set once the extension answered.</summary>
    public bool Answered { get; set; }
}
