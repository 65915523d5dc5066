using System;
using DkCloud.Sdk.WebRtc.Codecs;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>What offer/answer settled for one audio stream, plus local choices.</summary>
internal sealed class AudioStreamSettings
{
    private byte? _receivePayloadType;
    private byte? _receiveTelephoneEventPayloadType;

    /// <summary>Creates settings for a codec pair.</summary>
    public AudioStreamSettings(IAudioEncoder encoder, IAudioDecoder decoder, byte payloadType, uint ssrc)
    {
        Encoder = encoder ?? throw new ArgumentNullException(nameof(encoder));
        Decoder = decoder ?? throw new ArgumentNullException(nameof(decoder));
        PayloadType = payloadType;
        Ssrc = ssrc;
    }

    /// <summary>Encoder of the negotiated send codec.</summary>
    public IAudioEncoder Encoder { get; }

    /// <summary>Decoder of the negotiated receive codec.</summary>
    public IAudioDecoder Decoder { get; }

    /// <summary>The negotiated audio payload type (sent as is, never another codec's).</summary>
    public byte PayloadType { get; }

    /// <summary>
    /// The payload type the far end sends the codec with: the number in our own description, which differs from
    /// <see cref="PayloadType"/> only when the answerer renumbered. Defaults to <see cref="PayloadType"/>.
    /// </summary>
    public byte ReceivePayloadType
    {
        get => _receivePayloadType ?? PayloadType;
        set => _receivePayloadType = value;
    }

    /// <summary>The telephone-event payload type the far end sends with; defaults to <see cref="TelephoneEventPayloadType"/>.</summary>
    public byte? ReceiveTelephoneEventPayloadType
    {
        get => _receiveTelephoneEventPayloadType ?? TelephoneEventPayloadType;
        set => _receiveTelephoneEventPayloadType = value;
    }

    /// <summary>Our SSRC.</summary>
    public uint Ssrc { get; }

    /// <summary>The negotiated telephone-event payload type, or null to send DTMF in-band.</summary>
    public byte? TelephoneEventPayloadType { get; set; }

    /// <summary>The telephone-event clock rate.</summary>
    public int TelephoneEventClockRate { get; set; } = 8000;

    /// <summary>The negotiated CN payload type, or null.</summary>
    public byte? ComfortNoisePayloadType { get; set; } = 13;

    /// <summary>Jitter buffer bounds.</summary>
    public JitterBufferOptions JitterBuffer { get; set; } = new JitterBufferOptions();

    /// <summary>How long each DTMF digit lasts.</summary>
    public TimeSpan DtmfDuration { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Pause after each DTMF digit.</summary>
    public TimeSpan DtmfGap { get; set; } = TimeSpan.FromMilliseconds(60);

    /// <summary>First RTP sequence number (random per RFC 3550 in production).</summary>
    public ushort InitialSequence { get; set; }

    /// <summary>First RTP timestamp (random per RFC 3550 in production).</summary>
    public uint InitialTimestamp { get; set; }
}
