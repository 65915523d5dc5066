namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>The CSeq header: sequence number and method.</summary>
internal readonly struct SipCSeq
{
    /// <summary>Creates a CSeq value.</summary>
    public SipCSeq(uint number, string methodName)
    {
        Number = number;
        MethodName = methodName;
        Method = SipMethods.Lookup(methodName);
    }

    /// <summary>The sequence number (below 2^31).</summary>
    public uint Number { get; }

    /// <summary>The known method, or <see cref="SipMethod.Unknown"/>.</summary>
    public SipMethod Method { get; }

    /// <summary>The method token as written.</summary>
    public string MethodName { get; }

    /// <inheritdoc/>
    public override string ToString() => Number.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + MethodName;
}
