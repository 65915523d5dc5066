using System;
using System.Runtime.InteropServices;
using Concentus;
using Concentus.Enums;

namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>
/// Opus (RFC 6716, RFC 7587): 48 kHz mono, 20 ms frames, configured from <see cref="OpusParameters"/>; native libopus
/// or the managed Concentus codec (<see cref="OpusCodec"/>).
/// </summary>
internal sealed class OpusAudioEncoder : IAudioEncoder, IDisposable
{
    /// <summary>
    /// The default encoder complexity (0-10): 5, as libwebrtc uses on Android and iOS; on desktops it uses 9
    /// (<c>kDefaultComplexity</c> in webrtc's api/audio_codecs/opus/audio_encoder_opus_config.cc). At 9, encoding a
    /// 20 ms frame (48 kHz mono, 32 kbit/s, FEC) with libopus 1.3.1 costs about twice the CPU of 5, which would double
    /// the dominant cost of every call a process carries (AudioBenchmarks measures both).
    /// </summary>
    public const int DefaultComplexity = 5;

    private const int Rate = 48000;
    private const int Frame = 960;
    private const int MaxPayload = 1275;
    private readonly IOpusEncoder? _managed;
    private readonly OpusEncoderHandle? _native;

    /// <summary>Creates an encoder shaped by the remote receiver's <paramref name="parameters"/>.</summary>
    /// <param name="parameters">The remote fmtp.</param>
    /// <param name="expectedLossPercent">Loss the FEC is tuned for, 0-100.</param>
    /// <param name="implementation">
    /// The implementation; null for <see cref="OpusCodec.Implementation"/>. <see cref="OpusImplementation.Native"/>
    /// throws <see cref="InvalidOperationException"/> where libopus did not load.
    /// </param>
    /// <param name="complexity">The encoder complexity, 0-10.</param>
    public OpusAudioEncoder(OpusParameters parameters, int expectedLossPercent = 10, OpusImplementation? implementation = null, int complexity = DefaultComplexity)
    {
        if (parameters is null)
        {
            throw new ArgumentNullException(nameof(parameters));
        }

        if (complexity is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(complexity), "The Opus complexity is 0 to 10.");
        }

        Parameters = parameters;
        Complexity = complexity;
        Implementation = implementation ?? OpusCodec.Implementation;
        int lossPercent = parameters.UseInbandFec ? Math.Max(0, Math.Min(100, expectedLossPercent)) : 0;
        if (Implementation == OpusImplementation.Native)
        {
            _native = CreateNative(parameters, lossPercent, complexity);
        }
        else
        {
            _managed = CreateManaged(parameters, lossPercent, complexity);
        }
    }

    /// <summary>The parameters in force.</summary>
    public OpusParameters Parameters { get; }

    /// <summary>Native libopus or the managed codec.</summary>
    public OpusImplementation Implementation { get; }

    /// <summary>The encoder complexity, 0-10.</summary>
    public int Complexity { get; }

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
    public int MaxPayloadSize => MaxPayload;

    /// <inheritdoc/>
    public int Encode(ReadOnlySpan<short> frame, Span<byte> payload)
    {
        if (frame.Length < Frame)
        {
            throw new ArgumentException("An Opus frame holds 960 samples.", nameof(frame));
        }

        int length;
        if (_native is not null)
        {
            length = OpusNative.opus_encode(_native, ref MemoryMarshal.GetReference(frame), Frame, ref MemoryMarshal.GetReference(payload), Math.Min(payload.Length, MaxPayload));
            if (length < 0)
            {
                throw new InvalidOperationException("opus_encode failed: " + OpusNative.ErrorText(length) + ".");
            }
        }
        else
        {
            length = _managed!.Encode(frame.Slice(0, Frame), Frame, payload, Math.Min(payload.Length, MaxPayload));
        }

        // With DTX a one- or two-byte packet means "nothing to say"; RFC 7587 §3.1.3 lets the sender skip it.
        return Parameters.UseDtx && length <= 2 ? 0 : length;
    }

    /// <summary>Reads a setting back from the native encoder (OPUS_GET_* request), for checks; null for the managed one.</summary>
    internal int? GetNative(int request)
    {
        if (_native is null)
        {
            return null;
        }

        Check(OpusNative.opus_encoder_ctl(_native, request, out int value), request);
        return value;
    }

    /// <summary>Frees the native encoder state now rather than at finalization.</summary>
    public void Dispose() => _native?.Dispose();

    private static IOpusEncoder CreateManaged(OpusParameters parameters, int lossPercent, int complexity)
    {
        // Created directly rather than through OpusCodecFactory, whose constructor is marked obsolete only to steer
        // callers to the factory's own native probing, which OpusNative replaces.
#pragma warning disable CS0618
        var encoder = new Concentus.Structs.OpusEncoder(Rate, 1, OpusApplication.OPUS_APPLICATION_VOIP);
#pragma warning restore CS0618
        encoder.Bitrate = parameters.MaxAverageBitrate;
        encoder.UseInbandFEC = parameters.UseInbandFec;
        encoder.PacketLossPercent = lossPercent;
        encoder.UseDTX = parameters.UseDtx;
        encoder.SignalType = OpusSignal.OPUS_SIGNAL_VOICE;
        encoder.MaxBandwidth = (OpusBandwidth)BandwidthFor(parameters.MaxPlaybackRate);
        encoder.Complexity = complexity;
        return encoder;
    }

    private static OpusEncoderHandle CreateNative(OpusParameters parameters, int lossPercent, int complexity)
    {
        OpusNative.EnsureLoaded();
        OpusEncoderHandle encoder = OpusNative.opus_encoder_create(Rate, 1, OpusNative.ApplicationVoip, out int error);
        if (error != OpusNative.Ok || encoder.IsInvalid)
        {
            encoder.Dispose();
            throw new InvalidOperationException("opus_encoder_create failed: " + OpusNative.ErrorText(error) + ".");
        }

        try
        {
            Set(encoder, OpusNative.SetBitrate, parameters.MaxAverageBitrate);
            Set(encoder, OpusNative.SetInbandFec, parameters.UseInbandFec ? 1 : 0);
            Set(encoder, OpusNative.SetPacketLossPercent, lossPercent);
            Set(encoder, OpusNative.SetDtx, parameters.UseDtx ? 1 : 0);
            Set(encoder, OpusNative.SetSignal, OpusNative.SignalVoice);
            Set(encoder, OpusNative.SetMaxBandwidth, BandwidthFor(parameters.MaxPlaybackRate));
            Set(encoder, OpusNative.SetComplexity, complexity);
            return encoder;
        }
        catch
        {
            encoder.Dispose();
            throw;
        }
    }

    private static void Set(OpusEncoderHandle encoder, int request, int value) => Check(OpusNative.opus_encoder_ctl(encoder, request, value), request);

    private static void Check(int result, int request)
    {
        if (result != OpusNative.Ok)
        {
            throw new InvalidOperationException("opus_encoder_ctl(" + request + ") failed: " + OpusNative.ErrorText(result) + ".");
        }
    }

    /// <summary>The OPUS_BANDWIDTH_* value (the same numbers in Concentus's enum) for a receiver's maxplaybackrate.</summary>
    private static int BandwidthFor(int maxPlaybackRate) => maxPlaybackRate switch
    {
        <= 8000 => OpusNative.BandwidthNarrowband,
        <= 12000 => OpusNative.BandwidthNarrowband + 1,
        <= 16000 => OpusNative.BandwidthNarrowband + 2,
        <= 24000 => OpusNative.BandwidthNarrowband + 3,
        _ => OpusNative.BandwidthNarrowband + 4,
    };
}
