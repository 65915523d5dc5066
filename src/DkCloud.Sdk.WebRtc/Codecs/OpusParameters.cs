using System;
using System.Globalization;

namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>
/// The Opus format parameters of RFC 7587 §6.1 that shape what we send: read from the remote side's
/// <c>a=fmtp</c> line, since each parameter states what the remote receiver wants.
/// </summary>
internal sealed class OpusParameters
{
    /// <summary>Bit rate used when the remote side states none: 32 kbit/s, wideband speech with room for FEC.</summary>
    public const int DefaultBitrate = 32000;

    /// <summary>Lowest bit rate Opus accepts (RFC 7587 §6.1: 6000 to 510000).</summary>
    public const int MinimumBitrate = 6000;

    /// <summary>Highest bit rate Opus accepts.</summary>
    public const int MaximumBitrate = 510000;

    /// <summary>Default values: FEC on, DTX off, 32 kbit/s, mono, 48 kHz playback.</summary>
    public OpusParameters()
    {
    }

    /// <summary>useinbandfec=1: the receiver can use in-band FEC, so the encoder adds it.</summary>
    public bool UseInbandFec { get; set; } = true;

    /// <summary>usedtx=1: the receiver prefers discontinuous transmission.</summary>
    public bool UseDtx { get; set; }

    /// <summary>maxaveragebitrate: the highest average bit rate the receiver wants, in bit/s.</summary>
    public int MaxAverageBitrate { get; set; } = DefaultBitrate;

    /// <summary>stereo=1: the receiver prefers stereo. This softphone always sends mono, as RFC 7587 allows.</summary>
    public bool Stereo { get; set; }

    /// <summary>maxplaybackrate: the highest audio rate the receiver renders, which caps the encoded bandwidth.</summary>
    public int MaxPlaybackRate { get; set; } = 48000;

    /// <summary>Reads an fmtp value such as <c>minptime=10;useinbandfec=1</c>; unknown or malformed entries are ignored.</summary>
    public static OpusParameters Parse(string? fmtp)
    {
        var parameters = new OpusParameters();
        if (string.IsNullOrWhiteSpace(fmtp))
        {
            return parameters;
        }

        foreach (string entry in fmtp!.Split(';'))
        {
            int equals = entry.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            string name = entry.Substring(0, equals).Trim();
            if (!int.TryParse(entry.Substring(equals + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int value))
            {
                continue;
            }

            parameters.Apply(name, value);
        }

        return parameters;
    }

    private void Apply(string name, int value)
    {
        if (Is(name, "useinbandfec"))
        {
            UseInbandFec = value == 1;
        }
        else if (Is(name, "usedtx"))
        {
            UseDtx = value == 1;
        }
        else if (Is(name, "maxaveragebitrate"))
        {
            MaxAverageBitrate = Math.Max(MinimumBitrate, Math.Min(MaximumBitrate, value));
        }
        else if (Is(name, "stereo"))
        {
            Stereo = value == 1;
        }
        else if (Is(name, "maxplaybackrate") && value > 0)
        {
            MaxPlaybackRate = value;
        }
    }

    private static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);
}
