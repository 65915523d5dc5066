using BenchmarkDotNet.Attributes;
using DkCloud.Sdk.Protocol;

namespace DkCloud.Benchmarks;

/// <summary>Writing command frames (docs/protocol.md §2.1).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class RequestEncodeBenchmarks
{
    private const string RequestId = "f88e7d8d81f643b1bb6a5832db8fed99";

    /// <summary>A placecall with the fields a CRM usually sets.</summary>
    [Benchmark(Baseline = true)]
    public byte[] EncodePlaceCall() => RequestEncoder.Encode(
        WireTypes.PlaceCall,
        RequestId,
        "20020001001",
        "1001",
        new RequestData().Add("callednum", "18212345678").Add("userfield", "order-42").Add("callStrategy", 1));

    /// <summary>The heartbeat, sent by every session every 15 s.</summary>
    [Benchmark]
    public byte[] EncodePing() => RequestEncoder.Encode(WireTypes.Ping, RequestId, "20020001001", "1001", RequestData.Empty);

    /// <summary>A new request id (a GUID as 32 hex digits).</summary>
    [Benchmark]
    public string NewRequestId() => RequestEncoder.NewRequestId();
}
