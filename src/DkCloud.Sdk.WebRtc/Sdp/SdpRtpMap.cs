using System;
using System.Globalization;

namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary><c>a=rtpmap:&lt;pt&gt; &lt;encoding&gt;/&lt;clock rate&gt;[/&lt;channels&gt;]</c> (RFC 8866 §6.6).</summary>
internal sealed class SdpRtpMap
{
    /// <summary>Creates a mapping.</summary>
    public SdpRtpMap(int payloadType, string encodingName, int clockRate, int? channels = null)
    {
        PayloadType = payloadType;
        EncodingName = encodingName;
        ClockRate = clockRate;
        Channels = channels;
    }

    /// <summary>The RTP payload type, 0-127.</summary>
    public int PayloadType { get; }

    /// <summary>The encoding name as written (compare case-insensitively).</summary>
    public string EncodingName { get; }

    /// <summary>The RTP clock rate in Hz.</summary>
    public int ClockRate { get; }

    /// <summary>The channel count for audio, when given (absent means 1).</summary>
    public int? Channels { get; }

    /// <summary>Parses the value after <c>a=rtpmap:</c>.</summary>
    public static SdpRtpMap Parse(string value)
    {
        string[] parts = value.Split(' ');
        if (parts.Length != 2)
        {
            SdpThrowHelper.Throw(SdpRejectReason.InvalidAttribute);
        }

        int payloadType = (int)SdpThrowHelper.ParseNumber(parts[0], 127, SdpRejectReason.InvalidPayloadType);
        string[] encoding = parts[1].Split('/');
        if (encoding.Length < 2 || encoding.Length > 3 || encoding[0].Length == 0)
        {
            SdpThrowHelper.Throw(SdpRejectReason.InvalidAttribute);
        }

        int clockRate = (int)SdpThrowHelper.ParseNumber(encoding[1], int.MaxValue, SdpRejectReason.InvalidAttribute);
        int? channels = encoding.Length == 3 ? (int)SdpThrowHelper.ParseNumber(encoding[2], 255, SdpRejectReason.InvalidAttribute) : null;
        return new SdpRtpMap(payloadType, encoding[0], clockRate, channels);
    }

    /// <summary>True when name, clock rate and channel count (absent = 1) match.</summary>
    public bool Matches(string encodingName, int clockRate, int channels)
        => string.Equals(EncodingName, encodingName, StringComparison.OrdinalIgnoreCase)
            && ClockRate == clockRate && (Channels ?? 1) == channels;

    /// <summary>The value after <c>a=rtpmap:</c>.</summary>
    public override string ToString()
        => PayloadType.ToString(CultureInfo.InvariantCulture) + " " + EncodingName + "/" + ClockRate.ToString(CultureInfo.InvariantCulture)
            + (Channels is int channels ? "/" + channels.ToString(CultureInfo.InvariantCulture) : string.Empty);
}
