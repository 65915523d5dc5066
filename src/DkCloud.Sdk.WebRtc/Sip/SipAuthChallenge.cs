using System;
using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>
/// A WWW-Authenticate / Proxy-Authenticate challenge, or the same syntax in Authorization
/// (RFC 3261 §25.1: <c>scheme LWS auth-param *(COMMA auth-param)</c>).
/// </summary>
internal sealed class SipAuthChallenge
{
    private readonly Dictionary<string, string> _parameters;

    private SipAuthChallenge(string scheme, Dictionary<string, string> parameters)
    {
        Scheme = scheme;
        _parameters = parameters;
    }

    /// <summary>The scheme, e.g. <c>Digest</c>.</summary>
    public string Scheme { get; }

    /// <summary>True for the Digest scheme.</summary>
    public bool IsDigest => string.Equals(Scheme, "Digest", StringComparison.OrdinalIgnoreCase);

    /// <summary>The realm.</summary>
    public string? Realm => Get("realm");

    /// <summary>The server nonce.</summary>
    public string? Nonce => Get("nonce");

    /// <summary>The opaque value to echo.</summary>
    public string? Opaque => Get("opaque");

    /// <summary>The algorithm token as written; null means MD5 (RFC 2617 §3.2.1).</summary>
    public string? Algorithm => Get("algorithm");

    /// <summary>True when <c>stale=true</c>: the nonce expired but the credentials were right (RFC 2617 §3.2.1).</summary>
    public bool Stale => string.Equals(Get("stale"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The qop options offered (e.g. <c>auth</c>, <c>auth-int</c>); empty when the server sent none.</summary>
    public IReadOnlyList<string> QopOptions
    {
        get
        {
            var result = new List<string>();
            foreach (string item in (Get("qop") ?? string.Empty).Split(','))
            {
                string trimmed = item.Trim();
                if (trimmed.Length > 0)
                {
                    result.Add(trimmed);
                }
            }

            return result;
        }
    }

    /// <summary>An auth-param by name (case-insensitive), unquoted; null when absent.</summary>
    public string? Get(string name) => _parameters.TryGetValue(name, out string? value) ? value : null;

    /// <summary>Parses a challenge from header-value text.</summary>
    public static SipAuthChallenge Parse(string value) => Parse(System.Text.Encoding.UTF8.GetBytes(value ?? throw new ArgumentNullException(nameof(value))));

    /// <summary>Parses a challenge from header-value bytes.</summary>
    /// <exception cref="SipParseException">Malformed (<see cref="SipRejectReason.InvalidAuthentication"/>).</exception>
    public static SipAuthChallenge Parse(ReadOnlySpan<byte> value)
    {
        var reader = new SipValueReader(value, new SipSegment(0, value.Length));
        reader.SkipLws();
        SipSegment scheme = reader.ReadToken();
        if (scheme.IsEmpty)
        {
            SipThrowHelper.Throw(SipRejectReason.InvalidAuthentication);
        }

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (reader.SkipLws() && !reader.AtEnd)
        {
            do
            {
                SipSegment name = reader.ReadToken();
                if (name.IsEmpty || !reader.TryReadSeparator((byte)'='))
                {
                    SipThrowHelper.Throw(SipRejectReason.InvalidAuthentication);
                }

                string text;
                if (reader.Current == (byte)'"')
                {
                    text = SipQuoting.Unquote(reader.ReadQuotedString().Slice(value));
                }
                else
                {
                    SipSegment token = reader.ReadToken();
                    if (token.IsEmpty)
                    {
                        SipThrowHelper.Throw(SipRejectReason.InvalidAuthentication);
                    }

                    text = SipSyntax.GetString(token.Slice(value));
                }

                parameters[SipSyntax.GetString(name.Slice(value))] = text;
            }
            while (SipHeaderGrammar.NextListElement(ref reader, SipRejectReason.InvalidAuthentication));
        }

        return new SipAuthChallenge(SipSyntax.GetString(scheme.Slice(value)), parameters);
    }
}
