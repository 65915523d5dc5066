using System;
using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>Maps header-name bytes to <see cref="SipHeaderName"/> (case-insensitive, compact forms included) and back.</summary>
internal static class SipHeaderNames
{
    private static readonly string[] Canonical =
    [
        string.Empty,
        "Accept",
        "Accept-Contact",
        "Accept-Encoding",
        "Accept-Language",
        "Alert-Info",
        "Allow",
        "Allow-Events",
        "Authentication-Info",
        "Authorization",
        "Call-ID",
        "Call-Info",
        "Contact",
        "Content-Disposition",
        "Content-Encoding",
        "Content-Language",
        "Content-Length",
        "Content-Type",
        "CSeq",
        "Date",
        "Error-Info",
        "Event",
        "Expires",
        "From",
        "Identity",
        "Identity-Info",
        "In-Reply-To",
        "Max-Forwards",
        "MIME-Version",
        "Min-Expires",
        "Min-SE",
        "Organization",
        "P-Asserted-Identity",
        "P-Preferred-Identity",
        "Path",
        "Priority",
        "Proxy-Authenticate",
        "Proxy-Authorization",
        "Proxy-Require",
        "RAck",
        "Reason",
        "Record-Route",
        "Refer-To",
        "Referred-By",
        "Reject-Contact",
        "Replaces",
        "Reply-To",
        "Request-Disposition",
        "Require",
        "Retry-After",
        "Route",
        "RSeq",
        "Server",
        "Service-Route",
        "Session-Expires",
        "Subject",
        "Subscription-State",
        "Supported",
        "Timestamp",
        "To",
        "Unsupported",
        "User-Agent",
        "Via",
        "Warning",
        "WWW-Authenticate",
    ];

    // Candidates grouped by name length, so a lookup compares only names of the right size.
    private static readonly SipHeaderName[][] ByLength = CreateByLength();

    /// <summary>The canonical (long) name of a known header.</summary>
    public static string ToName(SipHeaderName name)
    {
        int index = (int)name;
        if (name == SipHeaderName.Unknown || index < 0 || index >= Canonical.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(name));
        }

        return Canonical[index];
    }

    /// <summary>Looks a header name up; <see cref="SipHeaderName.Unknown"/> for extension headers.</summary>
    public static SipHeaderName Lookup(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            return LookupCompact((byte)(name[0] | 0x20));
        }

        if (name.Length >= ByLength.Length)
        {
            return SipHeaderName.Unknown;
        }

        foreach (SipHeaderName candidate in ByLength[name.Length])
        {
            if (SipSyntax.EqualsIgnoreCase(name, Canonical[(int)candidate]))
            {
                return candidate;
            }
        }

        return SipHeaderName.Unknown;
    }

    /// <summary>Looks a header name up from text.</summary>
    public static SipHeaderName Lookup(string name) => Lookup(System.Text.Encoding.ASCII.GetBytes(name));

    private static SipHeaderName LookupCompact(byte lower) => lower switch
    {
        (byte)'a' => SipHeaderName.AcceptContact,
        (byte)'u' => SipHeaderName.AllowEvents,
        (byte)'i' => SipHeaderName.CallId,
        (byte)'m' => SipHeaderName.Contact,
        (byte)'e' => SipHeaderName.ContentEncoding,
        (byte)'l' => SipHeaderName.ContentLength,
        (byte)'c' => SipHeaderName.ContentType,
        (byte)'o' => SipHeaderName.Event,
        (byte)'f' => SipHeaderName.From,
        (byte)'y' => SipHeaderName.Identity,
        (byte)'n' => SipHeaderName.IdentityInfo,
        (byte)'r' => SipHeaderName.ReferTo,
        (byte)'b' => SipHeaderName.ReferredBy,
        (byte)'j' => SipHeaderName.RejectContact,
        (byte)'d' => SipHeaderName.RequestDisposition,
        (byte)'x' => SipHeaderName.SessionExpires,
        (byte)'s' => SipHeaderName.Subject,
        (byte)'k' => SipHeaderName.Supported,
        (byte)'t' => SipHeaderName.To,
        (byte)'v' => SipHeaderName.Via,
        _ => SipHeaderName.Unknown,
    };

    private static SipHeaderName[][] CreateByLength()
    {
        int max = 0;
        foreach (string name in Canonical)
        {
            max = Math.Max(max, name.Length);
        }

        var lists = new List<SipHeaderName>[max + 1];
        for (int i = 1; i < Canonical.Length; i++)
        {
            int length = Canonical[i].Length;
            (lists[length] ??= new List<SipHeaderName>()).Add((SipHeaderName)i);
        }

        var result = new SipHeaderName[max + 1][];
        for (int i = 0; i <= max; i++)
        {
            result[i] = lists[i]?.ToArray() ?? Array.Empty<SipHeaderName>();
        }

        return result;
    }
}
