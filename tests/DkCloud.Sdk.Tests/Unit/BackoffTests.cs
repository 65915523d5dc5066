using System;
using DkCloud.Sdk.Session;
using Xunit;

namespace DkCloud.Sdk.Tests.Unit;

public sealed class BackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    [InlineData(6, 30)]
    [InlineData(10, 30)]
    [InlineData(1000, 30)]
    public void Doubles_from_the_base_and_caps_without_jitter(int attempt, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ReconnectBackoff.Delay(attempt, Base, Max, 0.5));

    [Fact]
    public void Jitter_spreads_thirty_percent_each_way()
    {
        Assert.Equal(TimeSpan.FromSeconds(2.8), ReconnectBackoff.Delay(3, Base, Max, 0.0));
        Assert.Equal(TimeSpan.FromSeconds(5.2), ReconnectBackoff.Delay(3, Base, Max, 1.0));
    }

    [Fact]
    public void Attempt_zero_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReconnectBackoff.Delay(0, Base, Max, 0.5));
}
