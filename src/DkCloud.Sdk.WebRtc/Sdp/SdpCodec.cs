using System;
using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary>A codec the local side can send and receive, matched against an offer by name, clock rate and channels.</summary>
internal sealed class SdpCodec
{
    /// <summary>Creates a capability.</summary>
    /// <param name="name">The encoding name.</param>
    /// <param name="clockRate">The RTP clock rate.</param>
    /// <param name="channels">The channel count of the rtpmap.</param>
    /// <param name="staticPayloadType">The static payload type, if any.</param>
    /// <param name="fmtp">
    /// The format parameters the local side states for this codec (what it wants to receive), or null to write none in
    /// an offer and to echo the offer's in an answer.
    /// </param>
    public SdpCodec(string name, int clockRate, int channels = 1, int? staticPayloadType = null, string? fmtp = null)
    {
        Name = name;
        ClockRate = clockRate;
        Channels = channels;
        StaticPayloadType = staticPayloadType;
        Fmtp = fmtp;
    }

    /// <summary>PCMU/8000, static payload type 0 (RFC 3551).</summary>
    public static SdpCodec Pcmu { get; } = new("PCMU", 8000, 1, 0);

    /// <summary>PCMA/8000, static payload type 8 (RFC 3551).</summary>
    public static SdpCodec Pcma { get; } = new("PCMA", 8000, 1, 8);

    /// <summary>opus/48000/2 (RFC 7587).</summary>
    public static SdpCodec Opus { get; } = new("opus", 48000, 2);

    /// <summary>
    /// opus/48000/2 stating that we decode in-band FEC (RFC 7587 §6.1: <c>useinbandfec=1</c>) and take 10 ms packets
    /// (<c>minptime=10</c>).
    /// </summary>
    public static SdpCodec OpusWithFec { get; } = new("opus", 48000, 2, null, "minptime=10;useinbandfec=1");

    /// <summary>CN/8000, static payload type 13 (RFC 3389 comfort noise).</summary>
    public static SdpCodec ComfortNoise8000 { get; } = new("CN", 8000, 1, 13);

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

    /// <summary>The local format parameters, or null.</summary>
    public string? Fmtp { get; }

    /// <summary>True for CN (RFC 3389).</summary>
    public bool IsComfortNoise => string.Equals(Name, "CN", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for an audio codec proper: neither telephone-event nor comfort noise.</summary>
    public bool IsAudio => !IsTelephoneEvent && !IsComfortNoise;

    /// <summary>True for telephone-event.</summary>
    public bool IsTelephoneEvent => string.Equals(Name, "telephone-event", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override string ToString() => Name + "/" + ClockRate.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
