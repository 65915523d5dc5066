using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary>One media section: the <c>m=</c> line and the lines under it. Typed accessors read the attributes on demand.</summary>
internal sealed class SdpMediaDescription
{
    private static readonly string[] DirectionNames = ["sendrecv", "sendonly", "recvonly", "inactive"];

    /// <summary>Creates a media section.</summary>
    public SdpMediaDescription(string media, int port, string protocol)
    {
        Media = media;
        Port = port;
        Protocol = protocol;
    }

    /// <summary>Media type: audio, video, application…</summary>
    public string Media { get; }

    /// <summary>Transport port; 0 rejects the stream (RFC 3264 §6).</summary>
    public int Port { get; set; }

    /// <summary>The optional <c>/count</c> after the port.</summary>
    public int? PortCount { get; set; }

    /// <summary>Transport protocol, e.g. <c>UDP/TLS/RTP/SAVPF</c>.</summary>
    public string Protocol { get; }

    /// <summary>Formats (RTP payload types for RTP profiles) in preference order.</summary>
    public List<string> Formats { get; } = new();

    /// <summary>The media-level <c>c=</c> line, or null to use the session's.</summary>
    public SdpConnection? Connection { get; set; }

    /// <summary>Other media-level lines (i=, b=, k=) in order, as (type, value).</summary>
    public List<KeyValuePair<char, string>> OtherLines { get; } = new();

    /// <summary>The <c>a=</c> lines in order.</summary>
    public SdpAttributeList Attributes { get; } = new();

    /// <summary>True for RTP profiles, whose formats are payload types.</summary>
    public bool IsRtp => Protocol.IndexOf("RTP/", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>The payload types of an RTP section.</summary>
    public IReadOnlyList<int> PayloadTypes
    {
        get
        {
            var result = new List<int>(Formats.Count);
            foreach (string format in Formats)
            {
                result.Add((int)SdpThrowHelper.ParseNumber(format, 127, SdpRejectReason.InvalidPayloadType));
            }

            return result;
        }
    }

    /// <summary>Every <c>a=rtpmap</c>.</summary>
    public IReadOnlyList<SdpRtpMap> RtpMaps => Attributes.GetAll("rtpmap").ConvertAll(SdpRtpMap.Parse);

    /// <summary>The rtpmap of a payload type, or null (static types 0-34 may have none).</summary>
    public SdpRtpMap? GetRtpMap(int payloadType)
    {
        foreach (SdpRtpMap map in RtpMaps)
        {
            if (map.PayloadType == payloadType)
            {
                return map;
            }
        }

        return null;
    }

    /// <summary>The format parameters of a payload type (after <c>a=fmtp:&lt;pt&gt; </c>), or null.</summary>
    public string? GetFmtp(int payloadType)
    {
        string prefix = payloadType.ToString(CultureInfo.InvariantCulture) + " ";
        foreach (string value in Attributes.GetAll("fmtp"))
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return value.Substring(prefix.Length);
            }
        }

        return null;
    }

    /// <summary>The direction attribute of this section, or null when it has none.</summary>
    public SdpDirection? ExplicitDirection => FindDirection(Attributes);

    /// <summary>The direction of this section; sendrecv when no direction attribute is present (see also the session-level fallback).</summary>
    public SdpDirection Direction
    {
        get => ExplicitDirection ?? SdpDirection.SendRecv;

        set
        {
            Attributes.RemoveAll(a => Array.IndexOf(DirectionNames, a.Name) >= 0);
            Attributes.Add(DirectionNames[(int)value]);
        }
    }

    /// <summary>The mid (RFC 9143 / RFC 5888), or null.</summary>
    public string? Mid => Attributes.Get("mid");

    /// <summary>True when <c>a=rtcp-mux</c> is present (RFC 5761).</summary>
    public bool RtcpMux => Attributes.Has("rtcp-mux");

    /// <summary>The <c>a=rtcp</c> value (port and optional address, RFC 3605), or null.</summary>
    public string? Rtcp => Attributes.Get("rtcp");

    /// <summary>ICE ufrag at media level, or null.</summary>
    public string? IceUfrag => Attributes.Get("ice-ufrag");

    /// <summary>ICE password at media level, or null.</summary>
    public string? IcePwd => Attributes.Get("ice-pwd");

    /// <summary>ICE options (e.g. <c>trickle</c>) at media level.</summary>
    public IReadOnlyList<string> IceOptions => SplitTokens(Attributes.Get("ice-options"));

    /// <summary>Every candidate.</summary>
    public IReadOnlyList<SdpCandidate> Candidates => Attributes.GetAll("candidate").ConvertAll(SdpCandidate.Parse);

    /// <summary>True when <c>a=end-of-candidates</c> is present (RFC 8840).</summary>
    public bool EndOfCandidates => Attributes.Has("end-of-candidates");

    /// <summary>The media-level fingerprint, or null.</summary>
    public SdpFingerprint? Fingerprint => Attributes.Get("fingerprint") is { } value ? SdpFingerprint.Parse(value) : null;

    /// <summary>The media-level setup role, or null.</summary>
    public SdpSetupRole? Setup => SdpSessionDescription.ParseSetup(Attributes.Get("setup"));

    /// <summary>Every <c>a=ssrc</c>.</summary>
    public IReadOnlyList<SdpSsrc> Ssrcs => Attributes.GetAll("ssrc").ConvertAll(SdpSsrc.Parse);

    /// <summary>The <c>a=msid</c> value, or null.</summary>
    public string? Msid => Attributes.Get("msid");

    /// <summary>a=ptime in milliseconds, or null.</summary>
    public int? Ptime => ParseInt(Attributes.Get("ptime"));

    /// <summary>a=maxptime in milliseconds, or null.</summary>
    public int? MaxPtime => ParseInt(Attributes.Get("maxptime"));

    /// <summary>Writes the section with CRLF line ends.</summary>
    public void WriteTo(StringBuilder builder)
    {
        builder.Append("m=").Append(Media).Append(' ').Append(Port.ToString(CultureInfo.InvariantCulture));
        if (PortCount is int count)
        {
            builder.Append('/').Append(count.ToString(CultureInfo.InvariantCulture));
        }

        builder.Append(' ').Append(Protocol);
        foreach (string format in Formats)
        {
            builder.Append(' ').Append(format);
        }

        builder.Append("\r\n");
        SdpSessionDescription.WriteLines(builder, OtherLines, 'i');
        if (Connection is not null)
        {
            builder.Append("c=").Append(Connection).Append("\r\n");
        }

        SdpSessionDescription.WriteLines(builder, OtherLines, 'b');
        SdpSessionDescription.WriteLines(builder, OtherLines, 'k');
        foreach (SdpAttribute attribute in Attributes)
        {
            builder.Append("a=").Append(attribute).Append("\r\n");
        }
    }

    /// <summary>The text of a direction.</summary>
    public static string ToText(SdpDirection direction) => DirectionNames[(int)direction];

    internal static SdpDirection? FindDirection(SdpAttributeList attributes)
    {
        foreach (SdpAttribute attribute in attributes)
        {
            int index = Array.IndexOf(DirectionNames, attribute.Name);
            if (index >= 0 && attribute.Value is null)
            {
                return (SdpDirection)index;
            }
        }

        return null;
    }

    internal static List<string> SplitTokens(string? value)
    {
        var result = new List<string>();
        foreach (string item in (value ?? string.Empty).Split(' '))
        {
            if (item.Length > 0)
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static int? ParseInt(string? value)
        => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int result) ? result : null;
}
