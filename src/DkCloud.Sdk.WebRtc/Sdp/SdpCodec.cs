using System;
using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary>A codec the local side can send and receive, matched against an offer by name, clock rate and channels.</summary>
internal sealed class SdpCodec
{
    /// <summary>Creates a capability.</summary>
    public SdpCodec(string name, int clockRate, int channels = 1, int? staticPayloadType = null)
    {
        Name = name;
        ClockRate = clockRate;
        Channels = channels;
        StaticPayloadType = staticPayloadType;
    }

    /// <summary>PCMU/8000, static payload type 0 (RFC 3551).</summary>
    public static SdpCodec Pcmu { get; } = new("PCMU", 8000, 1, 0);

    /// <summary>PCMA/8000, static payload type 8 (RFC 3551).</summary>
    public static SdpCodec Pcma { get; } = new("PCMA", 8000, 1, 8);

    /// <summary>opus/48000/2 (RFC 7587).</summary>
    public static SdpCodec Opus { get; } = new("opus", 48000, 2);

    /// <summary>telephone-event/8000 (RFC 4733).</summary>
    public static SdpCodec TelephoneEvent8000 { get; } = new("telephone-event", 8000);

    /// <summary>telephone-event/48000 (RFC 4733, paired with Opus).</summary>
    public static SdpCodec TelephoneEvent48000 { get; } = new("telephone-event", 48000);

    /// <summary>The codecs of this softphone: PCMU, PCMA, Opus and telephone-event at 8 and 48 kHz.</summary>
    public static IReadOnlyList<SdpCodec> Defaults { get; } = [Pcmu, Pcma, Opus, TelephoneEvent8000, TelephoneEvent48000];

    /// <summary>The encoding name (compared case-insensitively).</summary>
    public string Name { get; }

    /// <summary>The RTP clock rate.</summary>
    public int ClockRate { get; }

    /// <summary>The channel count.</summary>
    public int Channels { get; }

    /// <summary>The static payload type that implies this codec without an rtpmap, if any.</summary>
    public int? StaticPayloadType { get; }

    /// <summary>True for telephone-event.</summary>
    public bool IsTelephoneEvent => string.Equals(Name, "telephone-event", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override string ToString() => Name + "/" + ClockRate.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
