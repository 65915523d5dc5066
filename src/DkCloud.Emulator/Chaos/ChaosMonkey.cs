using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Emulator.Core;
using Microsoft.Extensions.Logging;

namespace DkCloud.Emulator.Chaos;

/// <summary>
/// Chaos mode: at random times (uniform between half and one and a half of the mean interval, on the
/// emulator's clock) aborts one logged-in agent's socket without a close handshake, as a network blip would.
/// The agent's session, state and call stay on the server, as after a real network failure.
/// </summary>
internal sealed class ChaosMonkey
{
    private readonly EmulatorCore _core;
    private readonly TimeSpan _meanInterval;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly ILogger _logger;
    private int _drops;

    public ChaosMonkey(EmulatorCore core, TimeSpan meanInterval, int seed, TimeProvider time, ILogger logger)
    {
        _core = core;
        _meanInterval = meanInterval;
        _time = time;
        _random = new Random(seed);
        _logger = logger;
    }

    private readonly CancellationTokenSource _stop = new();

    public int Drops => Volatile.Read(ref _drops);

    /// <summary>Stops dropping connections.</summary>
    public void Stop() => _stop.Cancel();

    public async Task RunAsync(CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _stop.Token);
        var cancellationToken = linked.Token;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var factor = 0.5 + _random.NextDouble();
                await Task.Delay(TimeSpan.FromTicks((long)(_meanInterval.Ticks * factor)), _time, cancellationToken).ConfigureAwait(false);
                var candidates = _core.Connections().Where(c => c.IsOpen && c.Agent is not null).ToList();
                if (candidates.Count == 0)
                {
                    continue;
                }

                var victim = candidates[_random.Next(candidates.Count)];
                _logger.LogInformation("Chaos: dropping connection {Id} ({Agent})", victim.Id, victim.Agent?.AgentNumber);
                victim.Abort();
                Interlocked.Increment(ref _drops);
            }
        }
        catch (OperationCanceledException)
        {
            // The emulator is stopping.
        }
    }
}
