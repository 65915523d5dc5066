using System;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Codecs;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>The audio codec, DTMF and comfort-noise payload types one offer/answer exchange settled for a call.</summary>
internal sealed class AudioCodecChoice : IEquatable<AudioCodecChoice>
{
    /// <summary>Creates a choice.</summary>
    public AudioCodecChoice(string encodingName, int clockRate, byte sendPayloadType, byte receivePayloadType, string? remoteFmtp)
    {
        EncodingName = encodingName ?? throw new ArgumentNullException(nameof(encodingName));
        ClockRate = clockRate;
        SendPayloadType = sendPayloadType;
        ReceivePayloadType = receivePayloadType;
        RemoteFmtp = remoteFmtp;
    }

    /// <summary>The SDP encoding name: opus, PCMU or PCMA.</summary>
    public string EncodingName { get; }

    /// <summary>The RTP clock rate of the codec.</summary>
    public int ClockRate { get; }

    /// <summary>The payload type we send the codec with (the far end's number).</summary>
    public byte SendPayloadType { get; }

    /// <summary>The payload type the far end sends the codec with (our number).</summary>
    public byte ReceivePayloadType { get; }

    /// <summary>The far end's format parameters for the codec (what it wants to receive), or null.</summary>
    public string? RemoteFmtp { get; }

    /// <summary>The telephone-event payload type we send with, or null for in-band DTMF.</summary>
    public byte? TelephoneEventPayloadType { get; set; }

    /// <summary>The telephone-event payload type the far end sends with, or null.</summary>
    public byte? ReceiveTelephoneEventPayloadType { get; set; }

    /// <summary>The clock rate of the telephone-event chosen (8000 or 48000).</summary>
    public int TelephoneEventClockRate { get; set; } = 8000;

    /// <summary>The CN payload type both sides accept, or null.</summary>
    public byte? ComfortNoisePayloadType { get; set; }

    /// <summary>The settings of an audio stream for this choice: encoder shaped by the far end's fmtp, decoder, payload types.</summary>
    /// <param name="ssrc">Our SSRC.</param>
    /// <param name="jitterBuffer">The jitter buffer's bounds.</param>
    /// <param name="initialSequence">The first sequence number (random at the start of a call).</param>
    /// <param name="initialTimestamp">The first RTP timestamp (random at the start of a call).</param>
    public AudioStreamSettings CreateSettings(uint ssrc, JitterBufferOptions jitterBuffer, ushort initialSequence, uint initialTimestamp)
    {
        IAudioEncoder encoder = AudioCodecFactory.CreateEncoder(EncodingName, RemoteFmtp);
        IAudioDecoder decoder = AudioCodecFactory.CreateDecoder(EncodingName);
        return new AudioStreamSettings(encoder, decoder, SendPayloadType, ssrc)
        {
            ReceivePayloadType = ReceivePayloadType,
            TelephoneEventPayloadType = TelephoneEventPayloadType,
            ReceiveTelephoneEventPayloadType = ReceiveTelephoneEventPayloadType,
            TelephoneEventClockRate = TelephoneEventClockRate,
            ComfortNoisePayloadType = ComfortNoisePayloadType,
            JitterBuffer = jitterBuffer ?? throw new ArgumentNullException(nameof(jitterBuffer)),
            InitialSequence = initialSequence,
            InitialTimestamp = initialTimestamp,
        };
    }

    /// <inheritdoc/>
    public bool Equals(AudioCodecChoice? other)
        => other is not null
            && string.Equals(EncodingName, other.EncodingName, StringComparison.OrdinalIgnoreCase)
            && ClockRate == other.ClockRate
            && SendPayloadType == other.SendPayloadType
            && ReceivePayloadType == other.ReceivePayloadType
            && string.Equals(RemoteFmtp, other.RemoteFmtp, StringComparison.Ordinal)
            && TelephoneEventPayloadType == other.TelephoneEventPayloadType
            && ReceiveTelephoneEventPayloadType == other.ReceiveTelephoneEventPayloadType
            && TelephoneEventClockRate == other.TelephoneEventClockRate
            && ComfortNoisePayloadType == other.ComfortNoisePayloadType;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AudioCodecChoice);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(EncodingName) ^ (SendPayloadType << 8) ^ ReceivePayloadType;

    /// <inheritdoc/>
    public override string ToString()
        => EncodingName + "/" + ClockRate + " pt " + SendPayloadType
            + (TelephoneEventPayloadType is byte te ? ", telephone-event/" + TelephoneEventClockRate + " pt " + te : ", in-band DTMF");
}
