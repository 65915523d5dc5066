using System;
using System.IO;

namespace DkCloud.Benchmarks;

/// <summary>The sample messages the benchmarks run on, embedded byte for byte.</summary>
internal static class Payloads
{
    /// <summary>RINGING push of the document's 7.3.4.</summary>
    public const string Ring = "7.3.4-ring.json";

    /// <summary>ANSWERED push of the document's 7.3.2.</summary>
    public const string Answer = "7.3.2-answer.json";

    /// <summary>HANGUP push of the document's 7.3.3.</summary>
    public const string Hangup = "7.3.3-hangup.json";

    /// <summary>An INVITE with an SDP offer, CRLF line ends.</summary>
    public const string WebRtcInvite = "webrtc-invite.sip";

    public static byte[] Read(string name)
    {
        using var stream = typeof(Payloads).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("Missing embedded payload " + name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
