using System;
using DkCloud.Sdk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace DkCloud.Sdk.Tests.Unit;

public sealed class DependencyInjectionTests
{
    [Fact]
    public void AddDkCloud_registers_a_factory_for_named_options_and_validates_them()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDkCloud(o => Copy(TestOptions.Valid(), o));
        services.AddDkCloud("bob", o =>
        {
            Copy(TestOptions.Valid(agent: "1002"), o);
        });
        services.AddDkCloud("broken", o => o.ProjectId = "10010010010");
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IDkyClientFactory>();

        Assert.Equal("1001", factory.Create().Options.AgentNumber);
        Assert.Equal("1002", factory.Create("bob").Options.AgentNumber);
        var ex = Assert.Throws<OptionsValidationException>(() => factory.Create("broken"));
        Assert.Contains(ex.Failures, f => f.StartsWith("AgentNumber:", StringComparison.Ordinal));
        Assert.Equal("1003", factory.Create(TestOptions.Valid(agent: "1003")).Options.AgentNumber);
    }

    [Fact]
    public void AddDkCloud_twice_registers_one_factory()
    {
        var services = new ServiceCollection();
        services.AddDkCloud(o => Copy(TestOptions.Valid(), o));
        services.AddDkCloud(o => Copy(TestOptions.Valid(), o));
        Assert.Single(services, d => d.ServiceType == typeof(IDkyClientFactory));
    }

    private static void Copy(DkyOptions from, DkyOptions to)
    {
        foreach (var p in typeof(DkyOptions).GetProperties())
        {
            if (p.CanWrite)
            {
                p.SetValue(to, p.GetValue(from));
            }
        }
    }
}
