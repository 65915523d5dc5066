using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary>A session description (RFC 8866): session-level lines and media sections.</summary>
internal sealed class SdpSessionDescription
{
    /// <summary>Creates a description.</summary>
    public SdpSessionDescription(SdpOrigin origin, string sessionName = "-")
    {
        Origin = origin;
        SessionName = sessionName;
    }

    /// <summary>The <c>o=</c> line.</summary>
    public SdpOrigin Origin { get; set; }

    /// <summary>The <c>s=</c> value (<c>-</c> when there is nothing to say).</summary>
    public string SessionName { get; set; }

    /// <summary>The session-level <c>c=</c> line, or null.</summary>
    public SdpConnection? Connection { get; set; }

    /// <summary>The <c>t=</c> lines as (start, stop); <c>0 0</c> for a permanent session.</summary>
    public List<KeyValuePair<ulong, ulong>> Timings { get; } = new();

    /// <summary>Other session-level lines (i=, u=, e=, p=, b=, r=, z=, k=) in order, as (type, value).</summary>
    public List<KeyValuePair<char, string>> OtherLines { get; } = new();

    /// <summary>Session-level <c>a=</c> lines.</summary>
    public SdpAttributeList Attributes { get; } = new();

    /// <summary>The media sections in order.</summary>
    public List<SdpMediaDescription> Media { get; } = new();

    /// <summary>The mids of the first <c>a=group:BUNDLE</c> (RFC 9143), empty when there is none.</summary>
    public IReadOnlyList<string> BundleGroup
    {
        get
        {
            foreach (string group in Attributes.GetAll("group"))
            {
                List<string> tokens = SdpMediaDescription.SplitTokens(group);
                if (tokens.Count > 0 && tokens[0] == "BUNDLE")
                {
                    tokens.RemoveAt(0);
                    return tokens;
                }
            }

            return Array.Empty<string>();
        }
    }

    /// <summary>ICE ufrag of a media section, falling back to the session level.</summary>
    public string? GetIceUfrag(SdpMediaDescription media) => media.IceUfrag ?? Attributes.Get("ice-ufrag");

    /// <summary>ICE password of a media section, falling back to the session level.</summary>
    public string? GetIcePwd(SdpMediaDescription media) => media.IcePwd ?? Attributes.Get("ice-pwd");

    /// <summary>ICE options of a media section, falling back to the session level.</summary>
    public IReadOnlyList<string> GetIceOptions(SdpMediaDescription media)
        => media.IceOptions.Count > 0 ? media.IceOptions : SdpMediaDescription.SplitTokens(Attributes.Get("ice-options"));

    /// <summary>Fingerprint of a media section, falling back to the session level.</summary>
    public SdpFingerprint? GetFingerprint(SdpMediaDescription media)
        => media.Fingerprint ?? (Attributes.Get("fingerprint") is { } value ? SdpFingerprint.Parse(value) : null);

    /// <summary>Setup role of a media section, falling back to the session level.</summary>
    public SdpSetupRole? GetSetup(SdpMediaDescription media) => media.Setup ?? ParseSetup(Attributes.Get("setup"));

    /// <summary>Direction of a media section, falling back to the session level, then sendrecv (RFC 8866 §6.7).</summary>
    public SdpDirection GetDirection(SdpMediaDescription media)
        => media.ExplicitDirection ?? SdpMediaDescription.FindDirection(Attributes) ?? SdpDirection.SendRecv;

    /// <summary>Connection of a media section, falling back to the session level.</summary>
    public SdpConnection? GetConnection(SdpMediaDescription media) => media.Connection ?? Connection;

    /// <summary>Parses a description; see <see cref="SdpParser"/>.</summary>
    public static SdpSessionDescription Parse(string text) => SdpParser.Parse(text);

    /// <summary>The description as text with CRLF line ends.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(1024);
        builder.Append("v=0\r\n");
        builder.Append("o=").Append(Origin).Append("\r\n");
        builder.Append("s=").Append(SessionName).Append("\r\n");
        WriteLines(builder, OtherLines, 'i');
        WriteLines(builder, OtherLines, 'u');
        WriteLines(builder, OtherLines, 'e');
        WriteLines(builder, OtherLines, 'p');
        if (Connection is not null)
        {
            builder.Append("c=").Append(Connection).Append("\r\n");
        }

        WriteLines(builder, OtherLines, 'b');
        IEnumerable<KeyValuePair<ulong, ulong>> timings = Timings.Count > 0 ? Timings : [new KeyValuePair<ulong, ulong>(0, 0)];
        foreach (KeyValuePair<ulong, ulong> timing in timings)
        {
            builder.Append("t=").Append(timing.Key.ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append(timing.Value.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        WriteLines(builder, OtherLines, 'r');
        WriteLines(builder, OtherLines, 'z');
        WriteLines(builder, OtherLines, 'k');
        foreach (SdpAttribute attribute in Attributes)
        {
            builder.Append("a=").Append(attribute).Append("\r\n");
        }

        foreach (SdpMediaDescription media in Media)
        {
            media.WriteTo(builder);
        }

        return builder.ToString();
    }

    internal static SdpSetupRole? ParseSetup(string? value) => value switch
    {
        null => null,
        "actpass" => SdpSetupRole.ActPass,
        "active" => SdpSetupRole.Active,
        "passive" => SdpSetupRole.Passive,
        "holdconn" => SdpSetupRole.HoldConn,
        _ => throw new SdpParseException(SdpRejectReason.InvalidAttribute),
    };

    internal static string ToText(SdpSetupRole role) => role switch
    {
        SdpSetupRole.ActPass => "actpass",
        SdpSetupRole.Active => "active",
        SdpSetupRole.Passive => "passive",
        _ => "holdconn",
    };

    internal static void WriteLines(StringBuilder builder, List<KeyValuePair<char, string>> lines, char type)
    {
        foreach (KeyValuePair<char, string> line in lines)
        {
            if (line.Key == type)
            {
                builder.Append(type).Append('=').Append(line.Value).Append("\r\n");
            }
        }
    }
}
