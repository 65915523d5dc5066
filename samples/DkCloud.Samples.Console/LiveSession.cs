using System;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk;

namespace DkCloud.Samples.Console;

/// <summary>Connects to a real DK-Cloud with the given settings and prints events until Ctrl+C.</summary>
internal static class LiveSession
{
    public static async Task<int> RunAsync(SampleSettings settings, CancellationToken cancellationToken)
    {
        var options = new DkyOptions
        {
            AgentWebSocketUrl = new Uri(settings.Url!),
            ProjectId = settings.Project ?? string.Empty,
            AgentNumber = settings.Agent ?? string.Empty,
            Token = settings.Token ?? string.Empty,
            ExtensionNumber = settings.Extension,
            ExtensionPassword = settings.Password,
            InitType = (ExtensionType)settings.Type,
            EnableNetworkDelay = true,
            Softphone = settings.Type == 2 ? settings.CreateSoftphone() : null,
        };
        await using var client = new DkyClient(options);
        EventPrinter.Attach(client);
        try
        {
            await client.InitAsync(cancellationToken);
        }
        catch (DkyException ex)
        {
            EventPrinter.Note($"init failed: {ex.Message}");
            return 1;
        }

        EventPrinter.Note("logged in; Ctrl+C logs off");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await client.LogoffAsync(cancellationToken: CancellationToken.None);
        }

        return 0;
    }
}
