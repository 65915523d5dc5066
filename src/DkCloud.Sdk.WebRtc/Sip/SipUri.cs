using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>
/// A sip:, sips: or tel: URI (RFC 3261 §19.1, RFC 3966). Escapes are kept as written so that the URI
/// compares and serialises exactly; the password part, deprecated by RFC 3261 §19.1.1, is kept only to round-trip.
/// </summary>
internal sealed class SipUri
{
    /// <summary>Creates a URI.</summary>
    public SipUri(string scheme, string? user, string host, int? port = null)
    {
        Scheme = scheme.ToLowerInvariant();
        User = user;
        Host = host;
        Port = port;
    }

    /// <summary>The scheme in lower case: <c>sip</c>, <c>sips</c> or <c>tel</c>.</summary>
    public string Scheme { get; }

    /// <summary>The user part (the number for tel:), escapes as written; null when absent.</summary>
    public string? User { get; }

    /// <summary>The password part, when one was written.</summary>
    public string? Password { get; private set; }

    /// <summary>The host name, IPv4 address or bracketed IPv6 reference; empty for tel:.</summary>
    public string Host { get; }

    /// <summary>The port, when given.</summary>
    public int? Port { get; }

    /// <summary>URI parameters in order.</summary>
    public List<SipParameter> Parameters { get; } = new();

    /// <summary>URI headers (<c>?name=value&amp;…</c>) in order.</summary>
    public List<KeyValuePair<string, string>> Headers { get; } = new();

    /// <summary>The <c>transport</c> parameter (e.g. <c>ws</c>), or null.</summary>
    public string? Transport => GetParameter("transport");

    /// <summary>Returns the value of a parameter (empty string for a flag), or null when absent. Names compare case-insensitively.</summary>
    public string? GetParameter(string name)
    {
        foreach (SipParameter parameter in Parameters)
        {
            if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return parameter.Value ?? string.Empty;
            }
        }

        return null;
    }

    /// <summary>True when the flag or parameter <paramref name="name"/> is present.</summary>
    public bool HasParameter(string name) => GetParameter(name) is not null;

    /// <summary>Parses a URI; throws <see cref="SipParseException"/> with <see cref="SipRejectReason.InvalidUri"/> when malformed or of another scheme.</summary>
    public static SipUri Parse(string text)
    {
        if (!TryParse(text, out SipUri? uri))
        {
            SipThrowHelper.Throw(SipRejectReason.InvalidUri);
        }

        return uri!;
    }

    /// <summary>Parses a URI; false when malformed or of another scheme.</summary>
    public static bool TryParse(string? text, out SipUri? uri)
    {
        uri = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        int colon = text!.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        string scheme = text.Substring(0, colon).ToLowerInvariant();
        string rest = text.Substring(colon + 1);
        if (rest.Length == 0 || rest.IndexOf(' ') >= 0)
        {
            return false;
        }

        return scheme switch
        {
            "sip" or "sips" => TryParseSip(scheme, rest, out uri),
            "tel" => TryParseTel(rest, out uri),
            _ => false,
        };
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var builder = new StringBuilder(64).Append(Scheme).Append(':');
        if (User is not null)
        {
            builder.Append(User);
            if (Password is not null)
            {
                builder.Append(':').Append(Password);
            }

            if (Scheme != "tel")
            {
                builder.Append('@');
            }
        }

        builder.Append(Host);
        if (Port is int port)
        {
            builder.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }

        foreach (SipParameter parameter in Parameters)
        {
            builder.Append(';').Append(parameter.Name);
            if (parameter.Value is not null)
            {
                builder.Append('=').Append(parameter.Value);
            }
        }

        for (int i = 0; i < Headers.Count; i++)
        {
            builder.Append(i == 0 ? '?' : '&').Append(Headers[i].Key).Append('=').Append(Headers[i].Value);
        }

        return builder.ToString();
    }

    private static bool TryParseSip(string scheme, string rest, out SipUri? uri)
    {
        uri = null;
        string? headers = null;
        int question = rest.IndexOf('?', Math.Max(0, rest.IndexOf('@')));
        if (question >= 0)
        {
            headers = rest.Substring(question + 1);
            rest = rest.Substring(0, question);
        }

        string? user = null;
        string? password = null;
        int at = rest.IndexOf('@');
        if (at >= 0)
        {
            string userInfo = rest.Substring(0, at);
            rest = rest.Substring(at + 1);
            int passwordColon = userInfo.IndexOf(':');
            user = passwordColon >= 0 ? userInfo.Substring(0, passwordColon) : userInfo;
            password = passwordColon >= 0 ? userInfo.Substring(passwordColon + 1) : null;
            if (user.Length == 0)
            {
                return false;
            }
        }

        int hostEnd;
        if (rest.Length > 0 && rest[0] == '[')
        {
            hostEnd = rest.IndexOf(']') + 1;
            if (hostEnd <= 1)
            {
                return false;
            }
        }
        else
        {
            hostEnd = rest.IndexOfAny([':', ';']);
            hostEnd = hostEnd < 0 ? rest.Length : hostEnd;
        }

        string host = rest.Substring(0, hostEnd);
        if (host.Length == 0 || !IsHost(host))
        {
            return false;
        }

        rest = rest.Substring(hostEnd);
        int? port = null;
        if (rest.Length > 0 && rest[0] == ':')
        {
            int portEnd = rest.IndexOf(';');
            portEnd = portEnd < 0 ? rest.Length : portEnd;
            if (!int.TryParse(rest.Substring(1, portEnd - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value > 65535)
            {
                return false;
            }

            port = value;
            rest = rest.Substring(portEnd);
        }

        var result = new SipUri(scheme, user, host, port) { Password = password };
        if (!TryParseParameters(rest, result.Parameters) || (headers is not null && !TryParseHeaders(headers, result.Headers)))
        {
            return false;
        }

        uri = result;
        return true;
    }

    private static bool TryParseTel(string rest, out SipUri? uri)
    {
        uri = null;
        int semicolon = rest.IndexOf(';');
        string number = semicolon < 0 ? rest : rest.Substring(0, semicolon);
        if (number.Length == 0)
        {
            return false;
        }

        var result = new SipUri("tel", number, string.Empty);
        if (!TryParseParameters(semicolon < 0 ? string.Empty : rest.Substring(semicolon), result.Parameters))
        {
            return false;
        }

        uri = result;
        return true;
    }

    private static bool TryParseParameters(string text, List<SipParameter> parameters)
    {
        if (text.Length == 0)
        {
            return true;
        }

        if (text[0] != ';')
        {
            return false;
        }

        foreach (string item in text.Substring(1).Split(';'))
        {
            int equals = item.IndexOf('=');
            string name = equals < 0 ? item : item.Substring(0, equals);
            if (name.Length == 0)
            {
                return false;
            }

            parameters.Add(new SipParameter(name, equals < 0 ? null : item.Substring(equals + 1)));
        }

        return true;
    }

    private static bool TryParseHeaders(string text, List<KeyValuePair<string, string>> headers)
    {
        foreach (string item in text.Split('&'))
        {
            int equals = item.IndexOf('=');
            if (equals <= 0)
            {
                return false;
            }

            headers.Add(new KeyValuePair<string, string>(item.Substring(0, equals), item.Substring(equals + 1)));
        }

        return true;
    }

    private static bool IsHost(string host)
    {
        if (host[0] == '[')
        {
            return host[host.Length - 1] == ']' && host.Length > 2;
        }

        foreach (char c in host)
        {
            if (c > 0x7F || !(char.IsLetterOrDigit(c) || c == '-' || c == '.' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
