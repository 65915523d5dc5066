using System;
using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary>
/// Parses SDP text (RFC 8866 §5). Line order is checked: v= first, then the session lines in the RFC's order with
/// o=, s= and t= required, then media sections. CRLF and bare LF line ends are both accepted (§5). Lines of
/// unknown type are ignored, as §5 allows.
/// </summary>
internal static class SdpParser
{
    /// <summary>Largest accepted description: a SIP message body cannot be larger (<c>SipParserLimits.MaxMessageSize</c>).</summary>
    public const int MaxLength = 65_535;

    // Position of each session-level type in the order of RFC 8866 §5.
    private const string SessionOrder = "vosiuepcbtrzka";
    private const string MediaOrder = "micbka";
    private const string SingleSession = "vosiuczk";

    /// <summary>Parses a description; throws <see cref="SdpParseException"/> with a reason when malformed.</summary>
    public static SdpSessionDescription Parse(string text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            SdpThrowHelper.Throw(SdpRejectReason.InvalidSize);
        }

        string[] lines = text.Split('\n');
        SdpSessionDescription? session = null;
        SdpOrigin? origin = null;
        string? name = null;
        var timings = new List<KeyValuePair<ulong, ulong>>();
        SdpConnection? connection = null;
        var sessionLines = new List<KeyValuePair<char, string>>();
        var sessionAttributes = new List<SdpAttribute>();
        SdpMediaDescription? media = null;
        int lastRank = -1;
        bool seenVersion = false;

        foreach (string raw in lines)
        {
            string line = raw.Length > 0 && raw[raw.Length - 1] == '\r' ? raw.Substring(0, raw.Length - 1) : raw;
            if (line.Length == 0)
            {
                continue;
            }

            if (line.Length < 2 || line[1] != '=' || line[0] < 'a' || line[0] > 'z')
            {
                SdpThrowHelper.Throw(SdpRejectReason.InvalidLine);
            }

            char type = line[0];
            string value = line.Substring(2);
            if (!seenVersion)
            {
                if (type != 'v')
                {
                    SdpThrowHelper.Throw(SdpRejectReason.VersionNotFirst);
                }

                if (value != "0")
                {
                    SdpThrowHelper.Throw(SdpRejectReason.UnsupportedVersion);
                }

                seenVersion = true;
                lastRank = 0;
                continue;
            }

            if (type == 'v')
            {
                SdpThrowHelper.Throw(SdpRejectReason.VersionNotFirst);
            }

            if (type == 'm')
            {
                if (media is null)
                {
                    session = CreateSession(origin, name, timings, connection, sessionLines, sessionAttributes);
                }

                media = ParseMedia(value);
                session!.Media.Add(media);
                lastRank = 0;
                continue;
            }

            if (media is not null)
            {
                int rank = MediaOrder.IndexOf(type);
                if (rank < 0 && SessionOrder.IndexOf(type) >= 0)
                {
                    SdpThrowHelper.Throw(SdpRejectReason.InvalidLineOrder);
                }

                if (rank < 0)
                {
                    continue;
                }

                if (rank < lastRank || (rank == lastRank && (type == 'i' || type == 'k')))
                {
                    SdpThrowHelper.Throw(SdpRejectReason.InvalidLineOrder);
                }

                lastRank = rank;
                AddMediaLine(media, type, value);
                continue;
            }

            int sessionRank = SessionOrder.IndexOf(type);
            if (sessionRank < 0)
            {
                continue;
            }

            bool repeatedTiming = type == 't' && lastRank == SessionOrder.IndexOf('r');
            if (!repeatedTiming && (sessionRank < lastRank || (sessionRank == lastRank && SingleSession.IndexOf(type) >= 0)))
            {
                SdpThrowHelper.Throw(SdpRejectReason.InvalidLineOrder);
            }

            lastRank = sessionRank;
            switch (type)
            {
                case 'o':
                    origin = ParseOrigin(value);
                    break;
                case 's':
                    name = value;
                    break;
                case 'c':
                    connection = ParseConnection(value);
                    break;
                case 't':
                    timings.Add(ParseTiming(value));
                    break;
                case 'a':
                    sessionAttributes.Add(ParseAttribute(value));
                    break;
                default:
                    sessionLines.Add(new KeyValuePair<char, string>(type, value));
                    break;
            }
        }

        if (!seenVersion)
        {
            SdpThrowHelper.Throw(SdpRejectReason.VersionNotFirst);
        }

        return session ?? CreateSession(origin, name, timings, connection, sessionLines, sessionAttributes);
    }

    private static SdpSessionDescription CreateSession(
        SdpOrigin? origin, string? name, List<KeyValuePair<ulong, ulong>> timings, SdpConnection? connection,
        List<KeyValuePair<char, string>> lines, List<SdpAttribute> attributes)
    {
        if (origin is null || name is null || timings.Count == 0)
        {
            SdpThrowHelper.Throw(SdpRejectReason.InvalidLineOrder);
        }

        var session = new SdpSessionDescription(origin!, name!) { Connection = connection };
        session.Timings.AddRange(timings);
        session.OtherLines.AddRange(lines);
        session.Attributes.AddRange(attributes);
        return session;
    }

    private static void AddMediaLine(SdpMediaDescription media, char type, string value)
    {
        switch (type)
        {
            case 'c':
                media.Connection = ParseConnection(value);
                break;
            case 'a':
                SdpAttribute attribute = ParseAttribute(value);
                if (attribute.Name == "rtpmap" && attribute.Value is not null)
                {
                    SdpRtpMap.Parse(attribute.Value);
                }

                media.Attributes.Add(attribute);
                break;
            default:
                media.OtherLines.Add(new KeyValuePair<char, string>(type, value));
                break;
        }
    }

    private static SdpMediaDescription ParseMedia(string value)
    {
        string[] fields = value.Split(' ');
        if (fields.Length < 4 || Array.Exists(fields, f => f.Length == 0))
        {
            SdpThrowHelper.Throw(SdpRejectReason.InvalidMedia);
        }

        string portText = fields[1];
        int? count = null;
        int slash = portText.IndexOf('/');
        if (slash >= 0)
        {
            count = (int)SdpThrowHelper.ParseNumber(portText.Substring(slash + 1), int.MaxValue, SdpRejectReason.InvalidMedia);
            portText = portText.Substring(0, slash);
        }

        int port = (int)SdpThrowHelper.ParseNumber(portText, 65535, SdpRejectReason.PortOutOfRange);
        var media = new SdpMediaDescription(fields[0], port, fields[2]) { PortCount = count };
        for (int i = 3; i < fields.Length; i++)
        {
            if (media.IsRtp)
            {
                SdpThrowHelper.ParseNumber(fields[i], 127, SdpRejectReason.InvalidPayloadType);
            }

            media.Formats.Add(fields[i]);
        }

        return media;
    }

    private static SdpOrigin ParseOrigin(string value)
    {
        string[] f = value.Split(' ');
        if (f.Length != 6 || Array.Exists(f, x => x.Length == 0))
        {
            SdpThrowHelper.Throw(SdpRejectReason.InvalidOrigin);
        }

        ulong id = SdpThrowHelper.ParseNumber(f[1], ulong.MaxValue, SdpRejectReason.InvalidOrigin);
        ulong version = SdpThrowHelper.ParseNumber(f[2], ulong.MaxValue, SdpRejectReason.InvalidOrigin);
        return new SdpOrigin(f[0], id, version, f[4], f[5], f[3]);
    }

    private static SdpConnection ParseConnection(string value)
    {
        string[] f = value.Split(' ');
        if (f.Length != 3 || Array.Exists(f, x => x.Length == 0))
        {
            SdpThrowHelper.Throw(SdpRejectReason.InvalidConnection);
        }

        return new SdpConnection(f[1], f[2], f[0]);
    }

    private static KeyValuePair<ulong, ulong> ParseTiming(string value)
    {
        string[] f = value.Split(' ');
        if (f.Length != 2)
        {
            SdpThrowHelper.Throw(SdpRejectReason.InvalidTiming);
        }

        return new KeyValuePair<ulong, ulong>(
            SdpThrowHelper.ParseNumber(f[0], ulong.MaxValue, SdpRejectReason.InvalidTiming),
            SdpThrowHelper.ParseNumber(f[1], ulong.MaxValue, SdpRejectReason.InvalidTiming));
    }

    private static SdpAttribute ParseAttribute(string value)
    {
        int colon = value.IndexOf(':');
        string name = colon < 0 ? value : value.Substring(0, colon);
        if (name.Length == 0 || name.IndexOf(' ') >= 0)
        {
            SdpThrowHelper.Throw(SdpRejectReason.InvalidAttribute);
        }

        return new SdpAttribute(name, colon < 0 ? null : value.Substring(colon + 1));
    }
}
