using System;
using System.Collections.Generic;
using System.Net;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Dtls;
using DkCloud.Sdk.WebRtc.Quality;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>Settings of a <see cref="MediaSession"/>.</summary>
internal sealed class MediaSessionOptions
{
    /// <summary>Which local addresses become ICE host candidates; null keeps the ICE agent's default.</summary>
    public Func<IPAddress, bool>? AddressFilter { get; set; }

    /// <summary>A STUN server for a server-reflexive candidate (the address a NAT shows), or null.</summary>
    public IPEndPoint? StunServer { get; set; }

    /// <summary>A TURN server for a relayed candidate (networks that block UDP to the media server), or null.</summary>
    public Turn.TurnClientOptions? Turn { get; set; }

    /// <summary>Whether IPv6 addresses are gathered.</summary>
    public bool IncludeIPv6 { get; set; } = true;

    /// <summary>The audio we send (8 kHz frames); silence unless replaced. Ignored when <see cref="Microphone"/> is set.</summary>
    public IAudioFrameSource Source { get; set; } = SilenceFrameSource.Instance;

    /// <summary>
    /// Where the decoded remote audio goes (8 kHz frames, one per 20 ms of playout), or null to only measure it.
    /// Ignored when <see cref="Speaker"/> is set.
    /// </summary>
    public IAudioFrameSink? Sink { get; set; }

    /// <summary>
    /// The audio device the call starts with, at any rate (resampled once to the codec's); null to read
    /// <see cref="Source"/>. <see cref="MediaSession.SwitchMicrophone"/> changes it during the call.
    /// </summary>
    public IAudioSource? Microphone { get; set; }

    /// <summary>
    /// The speaker device the call starts with, at any rate; null to write to <see cref="Sink"/>.
    /// <see cref="MediaSession.SwitchSpeaker"/> changes it during the call.
    /// </summary>
    public IAudioSink? Speaker { get; set; }

    /// <summary>G.711 payload types we accept, in preference order (0 PCMU, 8 PCMA).</summary>
    public IReadOnlyList<int> PayloadTypes { get; set; } = [G711.Pcmu, G711.Pcma];

    /// <summary>
    /// Whether opus/48000/2 is offered and accepted. Offered first, so preferred over the G.711 payload types, with
    /// <c>useinbandfec=1</c>: the far end adds FEC that our jitter buffer uses to rebuild single lost packets.
    /// </summary>
    public bool OfferOpus { get; set; } = true;

    /// <summary>The dynamic payload type of Opus in our offers (111, as browsers use).</summary>
    public int OpusPayloadType { get; set; } = 111;

    /// <summary>The payload type of telephone-event/8000 in our offers.</summary>
    public int TelephoneEventPayloadType { get; set; } = 101;

    /// <summary>The payload type of telephone-event/48000 in our offers, offered beside Opus.</summary>
    public int OpusTelephoneEventPayloadType { get; set; } = 110;

    /// <summary>
    /// Whether CN/8000 (RFC 3389) is offered. We never send CN; in answers we accept it beside G.711 either way, and
    /// the jitter buffer plays comfort noise at the level it gives.
    /// </summary>
    public bool OfferComfortNoise { get; set; }

    /// <summary>Bounds of the adaptive jitter buffer.</summary>
    public JitterBufferOptions JitterBuffer { get; set; } = new JitterBufferOptions();

    /// <summary>When the call-quality warnings are raised and cleared.</summary>
    public CallQualityThresholds QualityThresholds { get; set; } = new CallQualityThresholds();

    /// <summary>The DTLS handshake settings, or null for the defaults.</summary>
    public DtlsSrtpOptions? Dtls { get; set; }

    /// <summary>How often a sender report goes out while we send.</summary>
    public TimeSpan RtcpInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The clock of the 20 ms media pacing, the quality samples, ICE and the DTLS handshake's retransmissions and timeout.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;
}
