using System;
using System.Collections.Generic;
using System.Net;
using DkCloud.Sdk.WebRtc.Dtls;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>Settings of a <see cref="MediaSession"/>.</summary>
internal sealed class MediaSessionOptions
{
    /// <summary>Which local addresses become ICE host candidates; null keeps the ICE agent's default.</summary>
    public Func<IPAddress, bool>? AddressFilter { get; set; }

    /// <summary>Whether IPv6 addresses are gathered.</summary>
    public bool IncludeIPv6 { get; set; } = true;

    /// <summary>The audio we send; silence unless replaced.</summary>
    public IAudioFrameSource Source { get; set; } = SilenceFrameSource.Instance;

    /// <summary>Where the decoded remote audio goes, or null to only count and measure it.</summary>
    public IAudioFrameSink? Sink { get; set; }

    /// <summary>G.711 payload types we accept, in preference order (0 PCMU, 8 PCMA).</summary>
    public IReadOnlyList<int> PayloadTypes { get; set; } = [G711.Pcmu, G711.Pcma];

    /// <summary>The payload type of telephone-event/8000 in our offers.</summary>
    public int TelephoneEventPayloadType { get; set; } = 101;

    /// <summary>The DTLS handshake settings, or null for the defaults.</summary>
    public DtlsSrtpOptions? Dtls { get; set; }

    /// <summary>How often a sender report goes out while we send.</summary>
    public TimeSpan RtcpInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The clock of the send pacing and of ICE.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;
}
