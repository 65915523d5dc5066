using System;
using System.Collections.Generic;
using System.Globalization;

namespace DkCloud.ScaleRunner;

/// <summary>The command line: <c>--agents N --seconds S [--calls-per-second R]</c> and a few knobs.</summary>
internal sealed class RunnerOptions
{
    public int Agents { get; private set; } = 2000;

    public int Seconds { get; private set; } = 30;

    public double CallsPerSecond { get; private set; } = 200;

    public int IdleSeconds { get; private set; } = 10;

    public int TalkMilliseconds { get; private set; } = 1000;

    public int LoginConcurrency { get; private set; } = 64;

    public string JsonPath { get; private set; } = "scale-result.json";

    public string? EmulatorPath { get; private set; }

    /// <summary>The WebRTC mode's steps (concurrent loopback calls), or null for the agent sessions' run.</summary>
    public IReadOnlyList<int>? WebRtcCalls { get; private set; }

    public int WebRtcSeconds { get; private set; } = 10;

    public int GapMilliseconds { get; private set; } = 100;

    /// <summary>The WebRTC mode's codec: Opus (offered first, as by default) or PCMU only.</summary>
    public string WebRtcCodec { get; private set; } = "opus";

    public const string Usage =
        "DkCloud.ScaleRunner --agents N --seconds S [--calls-per-second R] [--idle-seconds I] [--talk-ms T]\n" +
        "                    [--login-concurrency C] [--json PATH] [--emulator PATH-TO-DkCloud.Emulator.dll]\n" +
        "  --agents N              sessions logged in from this process (default 2000)\n" +
        "  --seconds S             length of the call load (default 30)\n" +
        "  --calls-per-second R    inbound calls started per second across agents (default 200)\n" +
        "  --idle-seconds I        idle window measured after login (default 10)\n" +
        "  --talk-ms T             time between answer and the customer's hang-up (default 1000)\n" +
        "  --login-concurrency C   logins in flight at once (default 64)\n" +
        "  --json PATH             where the numbers are written (default scale-result.json)\n" +
        "DkCloud.ScaleRunner --webrtc-calls 1,10,25,50,100 [--webrtc-seconds S] [--gap-ms G] [--webrtc-codec C] [--json PATH]\n" +
        "  --webrtc-calls LIST     loopback calls with media in this process, one step per number (no emulator)\n" +
        "  --webrtc-seconds S      measured window of each step (default 10)\n" +
        "  --gap-ms G              a pause between two received frames longer than this is an audio gap (default 100)\n" +
        "  --webrtc-codec C        opus (default: offered first, as the softphone does) or pcmu (G.711 only)";

    /// <summary>Parses the arguments; null when the run should not start (help or an error, already printed).</summary>
    public static RunnerOptions? Parse(string[] args)
    {
        var options = new RunnerOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                Console.WriteLine(Usage);
                return null;
            }

            if (i + 1 >= args.Length)
            {
                return Fail($"'{name}' needs a value.");
            }

            var value = args[++i];
            var ok = name switch
            {
                "--agents" => TryInt(value, 1, 99_999, v => options.Agents = v),
                "--seconds" => TryInt(value, 0, 86_400, v => options.Seconds = v),
                "--idle-seconds" => TryInt(value, 0, 3_600, v => options.IdleSeconds = v),
                "--talk-ms" => TryInt(value, 0, 600_000, v => options.TalkMilliseconds = v),
                "--login-concurrency" => TryInt(value, 1, 10_000, v => options.LoginConcurrency = v),
                "--calls-per-second" => TryDouble(value, v => options.CallsPerSecond = v),
                "--json" => Set(() => options.JsonPath = value),
                "--emulator" => Set(() => options.EmulatorPath = value),
                "--webrtc-calls" => TryIntList(value, v => options.WebRtcCalls = v),
                "--webrtc-seconds" => TryInt(value, 1, 3_600, v => options.WebRtcSeconds = v),
                "--gap-ms" => TryInt(value, 20, 60_000, v => options.GapMilliseconds = v),
                "--webrtc-codec" => value is "opus" or "pcmu" && Set(() => options.WebRtcCodec = value),
                _ => false,
            };
            if (!ok)
            {
                return Fail($"Bad option or value: {name} {value}");
            }
        }

        return options;
    }

    private static RunnerOptions? Fail(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine(Usage);
        return null;
    }

    private static bool Set(Action apply)
    {
        apply();
        return true;
    }

    private static bool TryInt(string text, int min, int max, Action<int> apply)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            return false;
        }

        apply(value);
        return true;
    }

    private static bool TryIntList(string text, Action<IReadOnlyList<int>> apply)
    {
        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > 2_000)
            {
                return false;
            }

            values.Add(value);
        }

        if (values.Count == 0)
        {
            return false;
        }

        apply(values);
        return true;
    }

    private static bool TryDouble(string text, Action<double> apply)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || value > 100_000)
        {
            return false;
        }

        apply(value);
        return true;
    }
}
