using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Media;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.EndToEnd;

/// <summary>The console sample's WebRTC day, run as a user runs it, records what the agent heard: the emulator customer's tone.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ConsoleSampleTests
{
    [Fact]
    public async Task Webrtc_day_exits_zero_and_the_recording_is_the_customers_tone()
    {
        var recording = Path.Combine(Path.GetTempPath(), "dkcloud-sample-" + Guid.NewGuid().ToString("N") + ".wav");
        try
        {
            var (exitCode, output) = await RunSampleAsync("--webrtc", "--record", recording);
            Assert.True(exitCode == 0, output);

            var counts = new Dictionary<double, int>();
            using (var file = new WavFileSource(recording))
            {
                Assert.Equal(MediaSession.SampleRate, file.SampleRate);
                Assert.True(file.Duration > TimeSpan.FromSeconds(3), "recorded " + file.Duration);
                var samples = new List<short>();
                var frame = new short[AudioFrames.SamplesPerFrame(file.SampleRate)];
                while (file.ReadFrame(frame))
                {
                    samples.AddRange(frame);
                }

                for (var start = 0; start + 1024 <= samples.Count; start += 1024)
                {
                    var meter = new FrequencyMeter();
                    meter.Write(samples.GetRange(start, 1024).ToArray());
                    if (meter.DominantFrequency() is { } hertz)
                    {
                        counts[hertz] = counts.GetValueOrDefault(hertz) + 1;
                    }
                }
            }

            var dominant = counts.OrderByDescending(c => c.Value).First().Key;
            Assert.InRange(dominant, 985, 1015);
        }
        finally
        {
            File.Delete(recording);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunSampleAsync(params string[] arguments)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "DkCloud.Sdk.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var sample = Path.Combine(root!.FullName, "samples", "DkCloud.Samples.Console", "bin", configuration, "net10.0", "DkCloud.Samples.Console.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(sample);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMinutes(2))) != exited)
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out\n" + await stdout + await stderr);
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
