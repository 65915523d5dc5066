using System;
using System.Runtime.InteropServices;
using Concentus;

namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>
/// Opus decoder at 48 kHz mono; conceals with in-band FEC from the next packet when it can, PLC otherwise. Native
/// libopus or the managed Concentus codec (<see cref="OpusCodec"/>).
/// </summary>
internal sealed class OpusAudioDecoder : IAudioDecoder, IDisposable
{
    private const int Rate = 48000;
    private const int Frame = 960;
    private const int MaxSamples = 5760;
    private readonly IOpusDecoder? _managed;
    private readonly OpusDecoderHandle? _native;

    /// <summary>Creates a decoder.</summary>
    /// <param name="implementation">
    /// The implementation; null for <see cref="OpusCodec.Implementation"/>. <see cref="OpusImplementation.Native"/>
    /// throws <see cref="InvalidOperationException"/> where libopus did not load.
    /// </param>
    public OpusAudioDecoder(OpusImplementation? implementation = null)
    {
        Implementation = implementation ?? OpusCodec.Implementation;
        if (Implementation == OpusImplementation.Native)
        {
            OpusNative.EnsureLoaded();
            _native = OpusNative.opus_decoder_create(Rate, 1, out int error);
            if (error != OpusNative.Ok || _native.IsInvalid)
            {
                _native.Dispose();
                throw new InvalidOperationException("opus_decoder_create failed: " + OpusNative.ErrorText(error) + ".");
            }
        }
        else
        {
            // Created directly rather than through OpusCodecFactory (see OpusAudioEncoder).
#pragma warning disable CS0618
            _managed = new Concentus.Structs.OpusDecoder(Rate, 1);
#pragma warning restore CS0618
        }
    }

    /// <summary>Native libopus or the managed codec.</summary>
    public OpusImplementation Implementation { get; }

    /// <inheritdoc/>
    public string EncodingName => "opus";

    /// <inheritdoc/>
    public int SampleRate => Rate;

    /// <inheritdoc/>
    public int ClockRate => Rate;

    /// <inheritdoc/>
    public int FrameSamples => Frame;

    /// <inheritdoc/>
    public bool SupportsForwardErrorCorrection => true;

    /// <inheritdoc/>
    public int MaxDecodedSamples => MaxSamples;

    /// <inheritdoc/>
    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        if (payload.IsEmpty || pcm.IsEmpty)
        {
            return 0;
        }

        int frameSize = Math.Min(pcm.Length, MaxSamples);
        if (_native is not null)
        {
            // Negative: an error code for a payload that is not valid Opus.
            return Math.Max(0, OpusNative.opus_decode(_native, ref MemoryMarshal.GetReference(payload), payload.Length, ref MemoryMarshal.GetReference(pcm), frameSize, 0));
        }

        try
        {
            return _managed!.Decode(payload, pcm, frameSize, false);
        }
        catch (OpusException)
        {
            return 0;
        }
        catch (ArgumentException)
        {
            return 0;
        }
    }

    /// <inheritdoc/>
    public bool Conceal(ReadOnlySpan<byte> nextPayload, Span<short> pcm)
    {
        Span<short> frame = pcm.Slice(0, Frame);

        // The FEC and PLC cases need exactly the missing duration (opus_decode's frame_size).
        if (!nextPayload.IsEmpty && DecodeFec(nextPayload, frame) == Frame)
        {
            return true;
        }

        if (_native is not null)
        {
            OpusNative.opus_decode(_native, IntPtr.Zero, 0, ref MemoryMarshal.GetReference(frame), Frame, 0);
        }
        else
        {
            _managed!.Decode(ReadOnlySpan<byte>.Empty, frame, Frame, false);
        }

        return false;
    }

    /// <inheritdoc/>
    public void Reset()
    {
        if (_native is not null)
        {
            OpusNative.opus_decoder_ctl(_native, OpusNative.ResetState);
        }
        else
        {
            _managed!.ResetState();
        }
    }

    /// <summary>Frees the native decoder state now rather than at finalization.</summary>
    public void Dispose() => _native?.Dispose();

    private int DecodeFec(ReadOnlySpan<byte> nextPayload, Span<short> frame)
    {
        if (_native is not null)
        {
            return OpusNative.opus_decode(_native, ref MemoryMarshal.GetReference(nextPayload), nextPayload.Length, ref MemoryMarshal.GetReference(frame), Frame, 1);
        }

        try
        {
            return _managed!.Decode(nextPayload, frame, Frame, true);
        }
        catch (OpusException)
        {
            return 0;
        }
        catch (ArgumentException)
        {
            return 0;
        }
    }
}
