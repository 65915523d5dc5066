using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Srtp;

/// <summary>
/// SRTP tests run one at a time and alone: the allocation test counts this thread's bytes, and a garbage collection
/// that other tests' allocations (the property tests' above all) trigger inside its window moves that count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SrtpCollection
{
    public const string Name = "SRTP";
}
