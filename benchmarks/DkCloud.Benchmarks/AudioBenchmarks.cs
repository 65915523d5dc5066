using System;
using BenchmarkDotNet.Attributes;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Codecs;

namespace DkCloud.Benchmarks;

/// <summary>
/// The per-frame work of the audio pipeline, 20 ms each: Opus (the managed Concentus codec and native libopus side by
/// side) against G.711 (the baseline), the jitter buffer, the resampler. The native rows fail where libopus does not load.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class AudioBenchmarks
{
    private readonly short[] _pcm8 = new short[160];
    private readonly short[] _pcm16 = new short[320];
    private readonly short[] _pcm48 = new short[960];
    private readonly short[] _out8 = new short[160];
    private readonly short[] _out48 = new short[5760];
    private readonly byte[] _payload = new byte[1275];
    private readonly byte[] _g711 = new byte[160];
    private G711Encoder _g711Encoder = null!;
    private G711Decoder _g711Decoder = null!;
    private OpusAudioEncoder _managedEncoder = null!;
    private OpusAudioDecoder _managedDecoder = null!;
    private OpusAudioEncoder? _nativeEncoder;
    private OpusAudioDecoder? _nativeDecoder;
    private OpusAudioEncoder? _nativeComplexity9Encoder;
    private OpusAudioDecoder? _nativeComplexity9Decoder;
    private JitterBuffer _jitterBuffer = null!;
    private PcmResampler _down = null!;
    private PcmResampler _up = null!;
    private PcmResampler _wide = null!;
    private ushort _sequence;
    private uint _timestamp;
    private long _arrival;

    [GlobalSetup]
    public void Setup()
    {
        new ToneGenerator(440, 8000, 0.3).Fill(_pcm8);
        new ToneGenerator(440, 16000, 0.3).Fill(_pcm16);
        new ToneGenerator(440, 48000, 0.3).Fill(_pcm48);
        _g711Encoder = new G711Encoder(G711Law.MuLaw);
        _g711Decoder = new G711Decoder(G711Law.MuLaw);
        _managedEncoder = new OpusAudioEncoder(OpusParameters.Parse("useinbandfec=1"), implementation: OpusImplementation.Managed);
        _managedDecoder = new OpusAudioDecoder(OpusImplementation.Managed);
        if (OpusCodec.IsNativeAvailable)
        {
            _nativeEncoder = new OpusAudioEncoder(OpusParameters.Parse("useinbandfec=1"), implementation: OpusImplementation.Native);
            _nativeDecoder = new OpusAudioDecoder(OpusImplementation.Native);
            _nativeComplexity9Encoder = new OpusAudioEncoder(OpusParameters.Parse("useinbandfec=1"), implementation: OpusImplementation.Native, complexity: 9);
            _nativeComplexity9Decoder = new OpusAudioDecoder(OpusImplementation.Native);
        }

        _g711Encoder.Encode(_pcm8, _g711);
        _jitterBuffer = new JitterBuffer(new G711Decoder(G711Law.MuLaw), new JitterBufferOptions(), TimeProvider.System.TimestampFrequency);
        _down = new PcmResampler(48000, 8000);
        _up = new PcmResampler(8000, 48000);
        _wide = new PcmResampler(16000, 48000);
    }

    /// <summary>G.711 μ-law encode and decode of one frame: the cheapest codec, the baseline.</summary>
    [Benchmark(Baseline = true)]
    public int G711EncodeDecode()
    {
        int length = _g711Encoder.Encode(_pcm8, _payload);
        return _g711Decoder.Decode(_payload.AsSpan(0, length), _out8);
    }

    /// <summary>Opus encode (48 kHz mono, 32 kbit/s, VoIP, complexity 5, in-band FEC) and decode of one frame, managed Concentus.</summary>
    [Benchmark]
    public int OpusManagedEncodeDecode() => EncodeDecode(_managedEncoder, _managedDecoder);

    /// <summary>The same with native libopus.</summary>
    [Benchmark]
    public int OpusNativeEncodeDecode() => EncodeDecode(_nativeEncoder, _nativeDecoder);

    /// <summary>The same with native libopus at complexity 9 (libwebrtc's default on desktops).</summary>
    [Benchmark]
    public int OpusNativeComplexity9EncodeDecode() => EncodeDecode(_nativeComplexity9Encoder, _nativeComplexity9Decoder);

    /// <summary>One packet into the jitter buffer and one frame out of it (G.711 decode included), in steady state.</summary>
    [Benchmark]
    public int JitterBufferPushPull()
    {
        _jitterBuffer.Push(0x1234, _sequence++, _timestamp, 0, _g711, _arrival);
        _timestamp += 160;
        _arrival += TimeProvider.System.TimestampFrequency / 50;
        return (int)_jitterBuffer.Pull(_out8);
    }

    /// <summary>One frame from 48 kHz to 8 kHz (the meter's tap after Opus; a 48 kHz microphone to G.711).</summary>
    [Benchmark]
    public void Resample48To8() => _down.Process(_pcm48, _out8);

    /// <summary>One frame from 8 kHz to 48 kHz (an 8 kHz source to Opus).</summary>
    [Benchmark]
    public void Resample8To48() => _up.Process(_pcm8, _out48);

    /// <summary>One frame from 16 kHz to 48 kHz (a wideband headset to Opus).</summary>
    [Benchmark]
    public void Resample16To48() => _wide.Process(_pcm16, _out48);

    private int EncodeDecode(OpusAudioEncoder? encoder, OpusAudioDecoder? decoder)
    {
        if (encoder is null || decoder is null)
        {
            throw new InvalidOperationException("Native libopus did not load: " + OpusCodec.NativeLoadFailure);
        }

        int length = encoder.Encode(_pcm48, _payload);
        return decoder.Decode(_payload.AsSpan(0, length), _out48);
    }
}
