using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DkCloud.Sdk.WebRtc.Codecs;
using DkCloud.Sdk.WebRtc.Rtp;
using DkCloud.Sdk.WebRtc.Srtp;
using DkCloud.Sdk.WebRtc.Stun;

namespace DkCloud.Benchmarks;

/// <summary>The per-packet work of a call: STUN consent checks, SRTP, RTP headers and G.711 for 20 ms frames.</summary>
/// <remarks>The SRTP rows form one category whose baseline is AES-CM through the platform crypto library.</remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class MediaBenchmarks
{
    /// <summary>8 kHz × 20 ms.</summary>
    private const int FrameSamples = 160;

    private static readonly byte[] StunKey = "VOkJxbRl1RmTxUk/WvJxBt"u8.ToArray();

    private readonly byte[] _transactionId = [0xb7, 0xe7, 0xa7, 0x01, 0xbc, 0x34, 0xd6, 0x86, 0xfa, 0x87, 0xdf, 0xae];
    private readonly byte[] _stunBuffer = new byte[256];
    private byte[] _stunRequest = [];
    private readonly short[] _pcm = new short[FrameSamples];
    private readonly byte[] _g711 = new byte[FrameSamples];
    private readonly byte[] _rtp = new byte[12 + FrameSamples + 16];
    private readonly byte[] _packet = new byte[12 + FrameSamples + 16];
    private SrtpContext _cmSender = null!;
    private SrtpContext _cmReceiver = null!;
    private SrtpContext _cmPlatformSender = null!;
    private SrtpContext _cmPlatformReceiver = null!;
    private SrtpContext _gcmSender = null!;
    private SrtpContext _gcmReceiver = null!;
    private ushort _cmSequence;
    private ushort _cmPlatformSequence;
    private ushort _gcmSequence;

    [GlobalSetup]
    public void Setup()
    {
        _stunRequest = WriteBindingRequest(_stunBuffer).ToArray();

        for (var i = 0; i < _pcm.Length; i++)
        {
            _pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000.0));
        }

        MuLaw.Encode(_pcm, _g711);
        RtpHeaderWriter.Write(_rtp, marker: false, payloadType: 0, sequenceNumber: 1, timestamp: 160, ssrc: 0x1234_5678);
        _g711.CopyTo(_rtp, 12);

        var key16 = new byte[16];
        var salt14 = new byte[14];
        var salt12 = new byte[12];
        new Random(7).NextBytes(key16);
        new Random(8).NextBytes(salt14);
        new Random(9).NextBytes(salt12);
        _cmSender = new SrtpContext(SrtpProfile.AesCm128HmacSha1_80, key16, salt14);
        _cmReceiver = new SrtpContext(SrtpProfile.AesCm128HmacSha1_80, key16, salt14);
        _cmPlatformSender = new SrtpContext(SrtpProfile.AesCm128HmacSha1_80, key16, salt14, implementation: SrtpCryptoImplementation.Platform);
        _cmPlatformReceiver = new SrtpContext(SrtpProfile.AesCm128HmacSha1_80, key16, salt14, implementation: SrtpCryptoImplementation.Platform);
        _gcmSender = new SrtpContext(SrtpProfile.AeadAes128Gcm, key16, salt12);
        _gcmReceiver = new SrtpContext(SrtpProfile.AeadAes128Gcm, key16, salt12);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cmSender.Dispose();
        _cmReceiver.Dispose();
        _cmPlatformSender.Dispose();
        _cmPlatformReceiver.Dispose();
        _gcmSender.Dispose();
        _gcmReceiver.Dispose();
    }

    /// <summary>An ICE connectivity check as a browser sends it: parse, read USERNAME, check integrity and fingerprint.</summary>
    [Benchmark]
    public bool StunParse()
    {
        var message = StunMessage.Parse(_stunRequest);
        return message.TryGetAttribute(StunAttributeType.Username, out _) && message.VerifyMessageIntegrity(StunKey);
    }

    /// <summary>Writing that check: USERNAME, PRIORITY, ICE-CONTROLLING, MESSAGE-INTEGRITY, FINGERPRINT.</summary>
    [Benchmark]
    public int StunWrite() => WriteBindingRequest(_stunBuffer).Length;

    /// <summary>
    /// One 20 ms PCMU packet protected and unprotected with AES-CM-128 / HMAC-SHA1-80, each AES call and MAC through
    /// the platform crypto library: the baseline of the SRTP rows.
    /// </summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Srtp")]
    public int SrtpAesCmPlatformProtectUnprotect() => ProtectUnprotect(_cmPlatformSender, _cmPlatformReceiver, ref _cmPlatformSequence);

    /// <summary>The same with the default implementation: AES instructions and managed HMAC-SHA1.</summary>
    [Benchmark]
    [BenchmarkCategory("Srtp")]
    public int SrtpAesCmProtectUnprotect() => ProtectUnprotect(_cmSender, _cmReceiver, ref _cmSequence);

    /// <summary>One 20 ms PCMU packet protected and unprotected with AEAD_AES_128_GCM.</summary>
    [Benchmark]
    [BenchmarkCategory("Srtp")]
    public int SrtpGcmProtectUnprotect() => ProtectUnprotect(_gcmSender, _gcmReceiver, ref _gcmSequence);

    /// <summary>RTP header of a received packet: version, lengths, sequence, timestamp, SSRC, payload.</summary>
    [Benchmark]
    public int RtpHeaderParse()
    {
        if (!RtpPacket.TryParse(_rtp.AsSpan(0, 12 + FrameSamples), out var packet))
        {
            throw new InvalidOperationException("RTP packet rejected.");
        }

        return packet.SequenceNumber + (int)packet.Timestamp + (int)packet.Ssrc + packet.Payload.Length;
    }

    /// <summary>G.711 μ-law encode of one 20 ms frame.</summary>
    [Benchmark]
    public int MuLawEncodeFrame() => MuLaw.Encode(_pcm, _g711);

    /// <summary>G.711 μ-law decode of one 20 ms frame.</summary>
    [Benchmark]
    public int MuLawDecodeFrame() => MuLaw.Decode(_g711, _pcm);

    /// <summary>G.711 A-law encode of one 20 ms frame.</summary>
    [Benchmark]
    public int ALawEncodeFrame() => ALaw.Encode(_pcm, _g711);

    /// <summary>G.711 A-law decode of one 20 ms frame.</summary>
    [Benchmark]
    public int ALawDecodeFrame() => ALaw.Decode(_g711, _pcm);

    private int ProtectUnprotect(SrtpContext sender, SrtpContext receiver, ref ushort sequence)
    {
        sequence++;
        _rtp.AsSpan(0, 12 + FrameSamples).CopyTo(_packet);
        _packet[2] = (byte)(sequence >> 8);
        _packet[3] = (byte)sequence;
        if (sender.ProtectRtp(_packet, 12 + FrameSamples, out var protectedLength) != SrtpStatus.Ok)
        {
            throw new InvalidOperationException("Protect failed.");
        }

        if (receiver.UnprotectRtp(_packet.AsSpan(0, protectedLength), out var length) != SrtpStatus.Ok)
        {
            throw new InvalidOperationException("Unprotect failed.");
        }

        return length;
    }

    private ReadOnlySpan<byte> WriteBindingRequest(Span<byte> buffer)
    {
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunClass.Request, _transactionId);
        writer.AddString(StunAttributeType.Username, "evtj:h6vY");
        writer.AddUInt32(StunAttributeType.Priority, 0x6E0001FF);
        writer.AddUInt64(StunAttributeType.IceControlling, 0x932FF9B151263B36);
        writer.AddMessageIntegrity(StunKey);
        writer.AddFingerprint();
        return writer.Written;
    }
}
