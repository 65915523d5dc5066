using System;
using System.Collections.Generic;
using System.Text;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>A name-addr or addr-spec with header parameters: the value of From, To, Contact, Route and Record-Route.</summary>
internal sealed class SipNameAddress
{
    /// <summary>Creates a value for a URI of any scheme.</summary>
    public SipNameAddress(string uriText, string? displayName = null)
    {
        UriText = uriText ?? throw new ArgumentNullException(nameof(uriText));
        DisplayName = displayName;
    }

    /// <summary>Creates a value for a SIP URI.</summary>
    public SipNameAddress(SipUri uri, string? displayName = null)
        : this((uri ?? throw new ArgumentNullException(nameof(uri))).ToString(), displayName)
    {
    }

    /// <summary>The display name without quotes or escapes; null when absent.</summary>
    public string? DisplayName { get; }

    /// <summary>The URI exactly as written (any scheme).</summary>
    public string UriText { get; }

    /// <summary>The URI as a sip/sips/tel URI; null for other schemes or when malformed.</summary>
    public SipUri? Uri => SipUri.TryParse(UriText, out SipUri? uri) ? uri : null;

    /// <summary>Header parameters (outside the angle brackets) in order.</summary>
    public List<SipParameter> Parameters { get; } = new();

    /// <summary>The <c>tag</c> parameter, or null.</summary>
    public string? Tag => GetParameter("tag");

    /// <summary>Returns a parameter value (empty for a flag) or null when absent; names compare case-insensitively.</summary>
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

    /// <summary>Sets (replaces or adds) a parameter.</summary>
    public SipNameAddress WithParameter(string name, string? value, bool quoted = false)
    {
        Parameters.RemoveAll(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        Parameters.Add(new SipParameter(name, value, quoted));
        return this;
    }

    /// <summary>Reads one value at the reader's position.</summary>
    internal static SipNameAddress Read(ref SipValueReader reader, bool allowAddrSpec, bool inList)
    {
        var parameters = new List<SipParameter>();
        SipNameAddressParts parts = SipHeaderGrammar.ReadNameAddress(ref reader, allowAddrSpec, inList, parameters);
        ReadOnlySpan<byte> message = reader.Message;
        string? displayName = null;
        if (!parts.DisplayName.IsEmpty)
        {
            displayName = parts.DisplayNameQuoted
                ? SipQuoting.Unquote(parts.DisplayName.Slice(message))
                : SipSyntax.GetNormalizedString(parts.DisplayName.Slice(message));
        }

        var result = new SipNameAddress(SipSyntax.GetString(parts.Uri.Slice(message)), displayName);
        result.Parameters.AddRange(parameters);
        return result;
    }

    /// <summary>The value as written on the wire, always in name-addr form.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(64);
        if (!string.IsNullOrEmpty(DisplayName))
        {
            builder.Append(SipQuoting.Quote(DisplayName!)).Append(' ');
        }

        builder.Append('<').Append(UriText).Append('>');
        foreach (SipParameter parameter in Parameters)
        {
            builder.Append(';').Append(parameter);
        }

        return builder.ToString();
    }
}
