using Xunit;

namespace DkCloud.Sdk.Tests.Support;

/// <summary>Tests that measure the whole process (memory, threads, handles) run alone, not beside others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Serial";
}
