using System.Globalization;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>One Contact value (RFC 3261 §20.10) with the outbound parameters of RFC 5626.</summary>
internal sealed class SipContact
{
    /// <summary>Creates a contact for an address; null makes the wildcard <c>*</c>.</summary>
    public SipContact(SipNameAddress? address)
    {
        Address = address;
    }

    /// <summary>True for <c>Contact: *</c> (REGISTER removing all bindings).</summary>
    public bool IsWildcard => Address is null;

    /// <summary>The address; null for the wildcard.</summary>
    public SipNameAddress? Address { get; }

    /// <summary>The expires parameter in seconds, when present and numeric.</summary>
    public long? Expires
        => long.TryParse(Address?.GetParameter("expires"), NumberStyles.None, CultureInfo.InvariantCulture, out long value) ? value : null;

    /// <summary>The <c>+sip.instance</c> value without quotes, e.g. <c>&lt;urn:uuid:…&gt;</c> (RFC 5626 §4.1).</summary>
    public string? Instance => Address?.GetParameter("+sip.instance");

    /// <summary>The <c>reg-id</c> value (RFC 5626 §4.2).</summary>
    public int? RegId
        => int.TryParse(Address?.GetParameter("reg-id"), NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : null;

    /// <inheritdoc/>
    public override string ToString() => Address?.ToString() ?? "*";
}
