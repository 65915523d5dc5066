using System.Globalization;

namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary><c>a=ssrc:&lt;ssrc&gt; &lt;attribute&gt;[:&lt;value&gt;]</c> (RFC 5576 §4.1).</summary>
internal sealed class SdpSsrc
{
    /// <summary>Creates a source attribute.</summary>
    public SdpSsrc(uint ssrc, string attribute, string? value)
    {
        Ssrc = ssrc;
        Attribute = attribute;
        Value = value;
    }

    /// <summary>The synchronisation source.</summary>
    public uint Ssrc { get; }

    /// <summary>The source attribute, e.g. <c>cname</c> or <c>msid</c>.</summary>
    public string Attribute { get; }

    /// <summary>The attribute value, or null.</summary>
    public string? Value { get; }

    /// <summary>Parses the value after <c>a=ssrc:</c>.</summary>
    public static SdpSsrc Parse(string value)
    {
        int space = value.IndexOf(' ');
        if (space <= 0 || space == value.Length - 1)
        {
            SdpThrowHelper.Throw(SdpRejectReason.InvalidAttribute);
        }

        uint ssrc = (uint)SdpThrowHelper.ParseNumber(value.Substring(0, space), uint.MaxValue, SdpRejectReason.InvalidAttribute);
        string rest = value.Substring(space + 1);
        int colon = rest.IndexOf(':');
        return colon < 0 ? new SdpSsrc(ssrc, rest, null) : new SdpSsrc(ssrc, rest.Substring(0, colon), rest.Substring(colon + 1));
    }

    /// <summary>The value after <c>a=ssrc:</c>.</summary>
    public override string ToString()
        => Ssrc.ToString(CultureInfo.InvariantCulture) + " " + Attribute + (Value is null ? string.Empty : ":" + Value);
}
