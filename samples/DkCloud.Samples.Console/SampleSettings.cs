using System;

namespace DkCloud.Samples.Console;

/// <summary>Command line and environment: with no connection settings the sample runs against the built-in emulator.</summary>
internal sealed class SampleSettings
{
    public string? Url { get; private set; }

    public string? Project { get; private set; }

    public string? Agent { get; private set; }

    public string? Token { get; private set; }

    public string? Extension { get; private set; }

    public string? Password { get; private set; }

    public int Type { get; private set; } = 1;

    public bool ShowHelp { get; private set; }

    /// <summary>Use a WebRTC extension (the SDK's softphone) instead of an IP phone.</summary>
    public bool WebRtc { get; private set; }

    /// <summary>Where to write what the agent hears (WAV); WebRTC only.</summary>
    public string? Record { get; private set; }

    /// <summary>A WAV file the agent says; WebRTC only.</summary>
    public string? Voice { get; private set; }

    /// <summary>The tone the agent says when there is no voice file; WebRTC only.</summary>
    public double Tone { get; private set; } = 440;

    public bool UseEmulator => Url is null;

    public static SampleSettings Parse(string[] args, Func<string, string?> env)
    {
        var s = new SampleSettings
        {
            Url = env("DKY_URL"),
            Project = env("DKY_PROJECT"),
            Agent = env("DKY_AGENT"),
            Token = env("DKY_TOKEN"),
            Extension = env("DKY_EXTENSION"),
            Password = env("DKY_PASSWORD"),
        };
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--url": s.Url = Next(); break;
                case "--project": s.Project = Next(); break;
                case "--agent": s.Agent = Next(); break;
                case "--token": s.Token = Next(); break;
                case "--extension": s.Extension = Next(); break;
                case "--password": s.Password = Next(); break;
                case "--type": s.Type = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--webrtc": s.WebRtc = true; s.Type = 2; break;
                case "--record": s.Record = Next(); break;
                case "--voice": s.Voice = Next(); break;
                case "--tone": s.Tone = double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "-h" or "--help": s.ShowHelp = true; break;
                default: throw new ArgumentException($"Unknown option {args[i]}; see --help.");
            }
        }

        return s;
    }

    public static void PrintHelp()
    {
        System.Console.WriteLine("""
            DkCloud console sample

              (no options)          run a scripted agent day against the built-in DK-Cloud emulator
              --url wss://…/agent   connect to a real DK-Cloud instead (or DKY_URL)
              --project ID          enterprise code (DKY_PROJECT)
              --agent NUMBER        agent number (DKY_AGENT)
              --token TOKEN         enterprise token (DKY_TOKEN)
              --extension NUMBER    extension or mobile number (DKY_EXTENSION)
              --password PASSWORD   extension password (DKY_PASSWORD)
              --type 1|2|3          1 IP phone (default), 2 WebRTC, 3 mobile
              --webrtc              use a WebRTC extension: real SIP and audio (with the emulator: extension 2001)
              --record FILE.wav     write what the agent hears to FILE.wav (WebRTC)
              --voice FILE.wav      what the agent says (WebRTC; default a tone)
              --tone HZ             the agent's tone when no --voice is given (default 440)
            """);
    }

    /// <summary>The softphone for a WebRTC extension: the agent's voice and where what it hears goes.</summary>
    public DkCloud.Sdk.WebRtc.Integration.WebRtcSoftphoneFactory CreateSoftphone() => new()
    {
        Microphone = Voice is { Length: > 0 } voice
            ? new DkCloud.Sdk.WebRtc.Audio.WavFileSource(voice, loop: true)
            : new DkCloud.Sdk.WebRtc.Audio.ToneSource(Tone, 8000, 0.3),
        Speaker = Record is { Length: > 0 } record ? new DkCloud.Sdk.WebRtc.Audio.WavFileSink(record, 8000) : null,
    };
}
