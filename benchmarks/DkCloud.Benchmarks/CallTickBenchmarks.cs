using System;
using BenchmarkDotNet.Attributes;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Codecs;
using DkCloud.Sdk.WebRtc.Media;
using DkCloud.Sdk.WebRtc.Srtp;

namespace DkCloud.Benchmarks;

/// <summary>
/// What 20 ms of a call's audio costs: both ends of a call joined in memory through SRTP (AES-CM-128 / HMAC-SHA1-80).
/// One operation ticks each end once: each reads its source (an 8 kHz tone frame source, as
/// <c>MediaSessionOptions.Source</c>, or a 48 kHz device, as a headset's microphone usually is, which here replays one
/// second of recorded tone so that computing the tone does not count), encodes, builds RTP, protects it, and the other end
/// unprotects it and puts it into its jitter buffer; then each plays one frame (pull, decode, the 8 kHz meter tap).
/// One call's audio on our side is half an operation. The baseline is the SRTP alone: one packet each way. Opus runs
/// with the managed Concentus codec and with native libopus (which must load, or those cases fail).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class CallTickBenchmarks
{
    private readonly byte[] _toBob = new byte[1500];
    private readonly byte[] _toAlice = new byte[1500];
    private readonly byte[] _rtp = new byte[12 + 80];
    private SrtpContext _aliceSend = null!;
    private SrtpContext _bobReceive = null!;
    private SrtpContext _bobSend = null!;
    private SrtpContext _aliceReceive = null!;
    private AudioMediaStream _alice = null!;
    private AudioMediaStream _bob = null!;
    private ushort _sequence;

    /// <summary>The codec of the call: Opus managed or native, or PCMU.</summary>
    [Params("opus-managed", "opus-native", "PCMU")]
    public string Codec { get; set; } = "opus-native";

    /// <summary>The rate of each end's source, resampled to the codec's when it differs.</summary>
    [Params(8000, 48000)]
    public int SourceRate { get; set; } = 8000;

    [GlobalSetup]
    public void Setup()
    {
        bool opus = Codec.StartsWith("opus", StringComparison.Ordinal);
        OpusCodec.PreferNative = Codec != "opus-managed";
        if (Codec == "opus-native" && OpusCodec.Implementation != OpusImplementation.Native)
        {
            throw new InvalidOperationException("Native libopus did not load: " + OpusCodec.NativeLoadFailure);
        }

        (_aliceSend, _bobReceive) = Contexts(1);
        (_bobSend, _aliceReceive) = Contexts(2);
        var choice = new AudioCodecChoice(opus ? "opus" : Codec, opus ? 48000 : 8000, opus ? (byte)111 : (byte)0, opus ? (byte)111 : (byte)0, "useinbandfec=1")
        {
            TelephoneEventPayloadType = 101,
        };
        _alice = Stream(choice, 0x1111, Source(440), packet => Deliver(packet, _toBob, _aliceSend, _bobReceive, _bob));
        _bob = Stream(choice, 0x2222, Source(1000), packet => Deliver(packet, _toAlice, _bobSend, _aliceReceive, _alice));
        _rtp[0] = 0x80;
        _rtp[1] = 111;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _alice.Dispose();
        _bob.Dispose();
        _aliceSend.Dispose();
        _bobReceive.Dispose();
        _bobSend.Dispose();
        _aliceReceive.Dispose();
    }

    /// <summary>SRTP only: an 80-byte payload (Opus at 32 kbit/s) protected and unprotected each way.</summary>
    [Benchmark(Baseline = true)]
    public int SrtpBothWays()
    {
        _sequence++;
        _rtp[2] = (byte)(_sequence >> 8);
        _rtp[3] = (byte)_sequence;
        return RoundTrip(_aliceSend, _bobReceive) + RoundTrip(_bobSend, _aliceReceive);
    }

    /// <summary>20 ms of a two-way call: both ends send one frame and play one frame.</summary>
    [Benchmark]
    public void BothEndsOneTick()
    {
        _alice.Tick();
        _bob.Tick();
    }

    private int RoundTrip(SrtpContext sender, SrtpContext receiver)
    {
        _rtp.CopyTo(_toBob, 0);
        sender.ProtectRtp(_toBob, _rtp.Length, out int length);
        receiver.UnprotectRtp(_toBob.AsSpan(0, length), out int plain);
        return plain;
    }

    private static void Deliver(ReadOnlyMemory<byte> packet, byte[] buffer, SrtpContext sender, SrtpContext receiver, AudioMediaStream to)
    {
        packet.Span.CopyTo(buffer);
        if (sender.ProtectRtp(buffer, packet.Length, out int length) != SrtpStatus.Ok || receiver.UnprotectRtp(buffer.AsSpan(0, length), out int plain) != SrtpStatus.Ok)
        {
            throw new InvalidOperationException("SRTP failed.");
        }

        to.ReceiveRtp(buffer.AsSpan(0, plain));
    }

    private IAudioSource Source(double tone)
        => SourceRate == 8000 ? new FrameSourceAdapter(new ToneFrameSource(tone)) : new RecordedDevice(tone, SourceRate);

    private static AudioMediaStream Stream(AudioCodecChoice choice, uint ssrc, IAudioSource source, Action<ReadOnlyMemory<byte>> send)
    {
        AudioStreamSettings settings = choice.CreateSettings(ssrc, new JitterBufferOptions(), 1, 1);
        var speaker = new PlayoutTap(settings.Decoder.SampleRate, new FrequencyMeter(), null);
        return new AudioMediaStream(settings, new SwitchableAudioSource(source, settings.Encoder.SampleRate), speaker, send, TimeProvider.System);
    }

    private static (SrtpContext Sender, SrtpContext Receiver) Contexts(int seed)
    {
        var key = new byte[16];
        var salt = new byte[14];
        var random = new Random(seed);
        random.NextBytes(key);
        random.NextBytes(salt);
        return (new SrtpContext(SrtpProfile.AesCm128HmacSha1_80, key, salt), new SrtpContext(SrtpProfile.AesCm128HmacSha1_80, key, salt));
    }

    /// <summary>A capture device replaying one second of a tone (whole cycles, so the loop is seamless).</summary>
    private sealed class RecordedDevice : IAudioSource
    {
        private readonly short[] _second;
        private int _position;

        public RecordedDevice(double tone, int sampleRate)
        {
            SampleRate = sampleRate;
            _second = new short[sampleRate];
            new ToneGenerator(tone, sampleRate, 0.3).Fill(_second);
        }

        public int SampleRate { get; }

        public bool ReadFrame(Span<short> frame)
        {
            _second.AsSpan(_position, frame.Length).CopyTo(frame);
            _position = (_position + frame.Length) % _second.Length;
            return true;
        }
    }
}
