using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace DkCloud.Sdk.WebRtc.Tests.EndToEnd;

/// <summary>Polls a condition about real audio over real sockets (wall-clock by nature) until it holds or a generous limit passes.</summary>
internal static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, double seconds = 20)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }
}
