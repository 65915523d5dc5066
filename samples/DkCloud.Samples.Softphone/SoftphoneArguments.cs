using System;
using System.Globalization;

namespace DkCloud.Samples.Softphone;

/// <summary>The command line of the sample.</summary>
internal sealed class SoftphoneArguments
{
    public const string Usage =
        "usage: DkCloud.Samples.Softphone --ws URL --user U --password P --domain D (--call URI | --auto-answer)\n" +
        "       [--tone HZ (default 440) | --voice FILE.wav] [--record FILE.wav] [--seconds N (default 10)]";

    public Uri? WebSocket { get; private set; }

    public string? User { get; private set; }

    public string? Password { get; private set; }

    public string? Domain { get; private set; }

    public string? Call { get; private set; }

    public bool AutoAnswer { get; private set; }

    public double ToneHz { get; private set; } = 440;

    public string? VoiceFile { get; private set; }

    public string? RecordFile { get; private set; }

    public int Seconds { get; private set; } = 10;

    /// <summary>Parses the arguments; returns null with <paramref name="error"/> set when they are not usable.</summary>
    public static SoftphoneArguments? Parse(string[] args, out string? error)
    {
        var parsed = new SoftphoneArguments();
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name == "--auto-answer")
            {
                parsed.AutoAnswer = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                error = name + " needs a value";
                return null;
            }

            string value = args[++i];
            switch (name)
            {
                case "--ws": parsed.WebSocket = Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) ? uri : null; break;
                case "--user": parsed.User = value; break;
                case "--password": parsed.Password = value; break;
                case "--domain": parsed.Domain = value; break;
                case "--call": parsed.Call = value; break;
                case "--tone": parsed.ToneHz = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--voice": parsed.VoiceFile = value; break;
                case "--record": parsed.RecordFile = value; break;
                case "--seconds": parsed.Seconds = int.Parse(value, CultureInfo.InvariantCulture); break;
                default:
                    error = "unknown option " + name;
                    return null;
            }
        }

        if (parsed.WebSocket is null || parsed.User is null || parsed.Password is null || parsed.Domain is null)
        {
            error = "--ws, --user, --password and --domain are required";
        }
        else if ((parsed.Call is null) == !parsed.AutoAnswer)
        {
            error = "give exactly one of --call and --auto-answer";
        }
        else if (parsed.ToneHz <= 0 || parsed.ToneHz >= 4000 || parsed.Seconds <= 0)
        {
            error = "--tone must be between 0 and 4000 Hz and --seconds positive";
        }

        return error is null ? parsed : null;
    }
}
