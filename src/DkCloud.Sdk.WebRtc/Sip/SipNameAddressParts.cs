namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>Where the parts of one name-addr / addr-spec are inside a message.</summary>
internal struct SipNameAddressParts
{
    /// <summary>The display name as written (quotes included when quoted); empty when absent.</summary>
    public SipSegment DisplayName;

    /// <summary>The URI, without angle brackets.</summary>
    public SipSegment Uri;

    /// <summary>True when the display name is a quoted string.</summary>
    public bool DisplayNameQuoted;

    /// <summary>True for the Contact value <c>*</c>.</summary>
    public bool IsWildcard;
}
