using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace DkCloud.Sdk.Interop.Tests;

/// <summary>Polls a condition on real time until it holds or a limit passes: the peers are separate processes.</summary>
internal static class Eventually
{
    /// <summary>How long a condition gets unless a test says otherwise.</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(15);

    /// <summary>Whether <paramref name="condition"/> held within <paramref name="limit"/> (15 s by default).</summary>
    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan? limit = null) =>
        TrueAsync(() => Task.FromResult(condition()), limit);

    /// <summary>Whether <paramref name="condition"/> held within <paramref name="limit"/> (15 s by default).</summary>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan? limit = null)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < (limit ?? DefaultLimit))
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return await condition();
    }
}
