using System;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>A <c>;name[=value]</c> parameter of a header value or URI.</summary>
internal sealed class SipParameter
{
    /// <summary>Creates a parameter.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value (unquoted), or null for a flag parameter such as <c>lr</c>.</param>
    /// <param name="quoted">True to write the value as a quoted string.</param>
    public SipParameter(string name, string? value, bool quoted = false)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Value = value;
        IsQuoted = quoted && value is not null;
    }

    /// <summary>The parameter name as written.</summary>
    public string Name { get; }

    /// <summary>The value with quotes and escapes removed; null when the parameter has no value.</summary>
    public string? Value { get; }

    /// <summary>True when the value was (or is to be) written as a quoted string.</summary>
    public bool IsQuoted { get; }

    /// <summary>The parameter as it is written on the wire, without the leading semicolon.</summary>
    public override string ToString()
    {
        if (Value is null)
        {
            return Name;
        }

        return IsQuoted ? Name + "=" + SipQuoting.Quote(Value) : Name + "=" + Value;
    }
}
