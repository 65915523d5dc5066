using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DkCloud.Sdk.WebRtc.Srtp;

namespace DkCloud.Benchmarks;

/// <summary>
/// The two halves of one AES-CM-128/HMAC-SHA1-80 SRTP packet, each in the managed code and through the platform's
/// crypto library: the keystream of a 160-byte payload and the MAC of a 172-byte packet and its ROC.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class SrtpPrimitiveBenchmarks
{
    private readonly byte[] _packet = new byte[172];
    private readonly byte[] _iv = new byte[16];
    private readonly byte[] _roc = new byte[4];
    private readonly byte[] _mac = new byte[20];
    private AesCounterMode _ctr = null!;
    private AesCounterMode _platformCtr = null!;
    private HmacSha1Authenticator _hmac = null!;
    private HmacSha1Authenticator _platformHmac = null!;

    [GlobalSetup]
    public void Setup()
    {
        var key = new byte[16];
        var authKey = new byte[20];
        new Random(1).NextBytes(key);
        new Random(2).NextBytes(authKey);
        new Random(3).NextBytes(_packet);
        new Random(4).NextBytes(_iv);
        _ctr = new AesCounterMode(key, SrtpCryptoImplementation.Managed);
        _platformCtr = new AesCounterMode(key, SrtpCryptoImplementation.Platform);
        _hmac = new HmacSha1Authenticator(authKey, SrtpCryptoImplementation.Managed);
        _platformHmac = new HmacSha1Authenticator(authKey, SrtpCryptoImplementation.Platform);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ctr.Dispose();
        _platformCtr.Dispose();
        _hmac.Dispose();
        _platformHmac.Dispose();
    }

    /// <summary>AES-CTR keystream XORed into a 160-byte payload, platform ECB transform over counter blocks.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("AesCtr160")]
    public byte SrtpAesCtrPlatform() => Apply(_platformCtr);

    /// <summary>The same with the processor's AES instructions.</summary>
    [Benchmark]
    [BenchmarkCategory("AesCtr160")]
    public byte SrtpAesCtrManaged() => Apply(_ctr);

    /// <summary>HMAC-SHA1 over a 172-byte packet and the 4-byte ROC, platform incremental HMAC.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("HmacSha1_176")]
    public byte SrtpHmacSha1Platform() => Mac(_platformHmac);

    /// <summary>The same in managed SHA-1 from precomputed ipad/opad states.</summary>
    [Benchmark]
    [BenchmarkCategory("HmacSha1_176")]
    public byte SrtpHmacSha1Managed() => Mac(_hmac);

    private byte Apply(AesCounterMode ctr)
    {
        ctr.Apply(_iv, _packet.AsSpan(12));
        return _packet[12];
    }

    private byte Mac(HmacSha1Authenticator hmac)
    {
        hmac.Compute(_packet, _roc, _mac);
        return _mac[0];
    }
}
