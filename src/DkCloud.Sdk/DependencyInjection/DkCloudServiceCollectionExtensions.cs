using System;
using DkCloud.Sdk;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers DkCloud.Sdk in a service collection.</summary>
public static class DkCloudServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDkyClientFactory"/> and named <see cref="DkyOptions"/> (checked when first used, and
    /// at host start). Safe to call more than once. A CRM back end configures one name per agent, or configures
    /// a template and creates clients with per-agent options through the factory.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The options' name; <see cref="Microsoft.Extensions.Options.Options.DefaultName"/> when empty.</param>
    /// <param name="configure">Sets the options.</param>
    public static IServiceCollection AddDkCloud(this IServiceCollection services, string name, Action<DkyOptions> configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        services.AddOptions();
        services.Configure(name ?? Options.Options.DefaultName, configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DkyOptions>, DkyOptionsValidator>());
        services.TryAddSingleton<IDkyClientFactory, DkyClientFactory>();
        return services;
    }

    /// <summary>Registers the default-named options and the factory.</summary>
    public static IServiceCollection AddDkCloud(this IServiceCollection services, Action<DkyOptions> configure) =>
        services.AddDkCloud(Options.Options.DefaultName, configure);
}
