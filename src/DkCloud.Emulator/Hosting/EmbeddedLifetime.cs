using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace DkCloud.Emulator.Hosting;

/// <summary>A host lifetime that does not hook Ctrl+C or process exit: the owner of the emulator stops it.</summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
