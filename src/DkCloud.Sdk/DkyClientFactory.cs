using System;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DkCloud.Sdk;

/// <summary>The <see cref="IDkyClientFactory"/> that <c>AddDkCloud</c> registers.</summary>
internal sealed class DkyClientFactory : IDkyClientFactory
{
    private readonly IOptionsMonitor<DkyOptions> _options;
    private readonly ILoggerFactory? _loggerFactory;

    public DkyClientFactory(IOptionsMonitor<DkyOptions> options, ILoggerFactory? loggerFactory = null)
    {
        _options = options;
        _loggerFactory = loggerFactory;
    }

    public DkyClient Create(string name = "") => new(_options.Get(name ?? Options.DefaultName), _loggerFactory);

    public DkyClient Create(DkyOptions options) => new(options ?? throw new ArgumentNullException(nameof(options)), _loggerFactory);
}
