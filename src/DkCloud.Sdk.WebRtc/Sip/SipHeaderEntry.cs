namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>One header field of a parsed message: its known name and where its name and value are.</summary>
internal readonly struct SipHeaderEntry
{
    /// <summary>Creates an entry.</summary>
    public SipHeaderEntry(SipHeaderName name, SipSegment nameToken, SipSegment value)
    {
        Name = name;
        NameToken = nameToken;
        Value = value;
    }

    /// <summary>The known header, or <see cref="SipHeaderName.Unknown"/>.</summary>
    public SipHeaderName Name { get; }

    /// <summary>Where the name is, as written (compact or long form).</summary>
    public SipSegment NameToken { get; }

    /// <summary>Where the value is, trimmed, folds included.</summary>
    public SipSegment Value { get; }
}
