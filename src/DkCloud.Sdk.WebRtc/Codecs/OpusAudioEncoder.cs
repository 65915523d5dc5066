using System;
using Concentus;
using Concentus.Enums;

namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>Opus (RFC 6716, RFC 7587) through Concentus: 48 kHz mono, 20 ms frames, configured from <see cref="OpusParameters"/>.</summary>
internal sealed class OpusAudioEncoder : IAudioEncoder
{
    private const int Rate = 48000;
    private const int Frame = 960;
    private readonly IOpusEncoder _encoder;

    /// <summary>Creates an encoder shaped by the remote receiver's <paramref name="parameters"/>.</summary>
    /// <param name="parameters">The remote fmtp.</param>
    /// <param name="expectedLossPercent">Loss the FEC is tuned for, 0-100.</param>
    public OpusAudioEncoder(OpusParameters parameters, int expectedLossPercent = 10)
    {
        if (parameters is null)
        {
            throw new ArgumentNullException(nameof(parameters));
        }

        Parameters = parameters;
        _encoder = OpusCodecFactory.CreateEncoder(Rate, 1, OpusApplication.OPUS_APPLICATION_VOIP);
        _encoder.Bitrate = parameters.MaxAverageBitrate;
        _encoder.UseInbandFEC = parameters.UseInbandFec;
        _encoder.PacketLossPercent = parameters.UseInbandFec ? Math.Max(0, Math.Min(100, expectedLossPercent)) : 0;
        _encoder.UseDTX = parameters.UseDtx;
        _encoder.SignalType = OpusSignal.OPUS_SIGNAL_VOICE;
        _encoder.MaxBandwidth = BandwidthFor(parameters.MaxPlaybackRate);
        _encoder.Complexity = 5;
    }

    /// <summary>The parameters in force.</summary>
    public OpusParameters Parameters { get; }

    /// <inheritdoc/>
    public string EncodingName => "opus";

    /// <inheritdoc/>
    public int SampleRate => Rate;

    /// <inheritdoc/>
    public int ClockRate => Rate;

    /// <inheritdoc/>
    public int FrameSamples => Frame;

    /// <inheritdoc/>
    public int FrameTimestampSpan => Frame;

    /// <inheritdoc/>
    public int MaxPayloadSize => 1275;

    /// <inheritdoc/>
    public int Encode(ReadOnlySpan<short> frame, Span<byte> payload)
    {
        if (frame.Length < Frame)
        {
            throw new ArgumentException("An Opus frame holds 960 samples.", nameof(frame));
        }

        int length = _encoder.Encode(frame.Slice(0, Frame), Frame, payload, Math.Min(payload.Length, MaxPayloadSize));

        // With DTX a one- or two-byte packet means "nothing to say"; RFC 7587 §3.1.3 lets the sender skip it.
        return Parameters.UseDtx && length <= 2 ? 0 : length;
    }

    private static OpusBandwidth BandwidthFor(int maxPlaybackRate) => maxPlaybackRate switch
    {
        <= 8000 => OpusBandwidth.OPUS_BANDWIDTH_NARROWBAND,
        <= 12000 => OpusBandwidth.OPUS_BANDWIDTH_MEDIUMBAND,
        <= 16000 => OpusBandwidth.OPUS_BANDWIDTH_WIDEBAND,
        <= 24000 => OpusBandwidth.OPUS_BANDWIDTH_SUPERWIDEBAND,
        _ => OpusBandwidth.OPUS_BANDWIDTH_FULLBAND,
    };
}
