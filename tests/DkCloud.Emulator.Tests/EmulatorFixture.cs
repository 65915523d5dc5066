using System;
using System.Threading.Tasks;

namespace DkCloud.Emulator.Tests;

/// <summary>Starts an emulator with short delays, so a whole call takes a fraction of a second.</summary>
internal static class EmulatorFixture
{
    public const int WrapupSeconds = 2;

    public static Task<DkCloudEmulator> StartAsync(bool stampPushes = false) =>
        DkCloudEmulator.StartAsync(new EmulatorOptions
        {
            AgentAnswerDelay = TimeSpan.FromMilliseconds(20),
            CustomerAnswerDelay = TimeSpan.FromMilliseconds(50),
            RingTimeout = TimeSpan.FromMilliseconds(1500),
            WrapupSeconds = WrapupSeconds,
            StampPushes = stampPushes,
        });
}
