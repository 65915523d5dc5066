namespace DkCloud.Sdk.Models;

/// <summary>
/// An outbound call (the JS <c>callphone(object)</c>, 7.3.1). Of <see cref="MobileTelx"/>, <see cref="FixedTelx"/>,
/// <see cref="TrunkNumberGroups"/> and <see cref="TrunkNumberGroupId"/> at most one may be set.
/// </summary>
public sealed class CallPhoneRequest
{
    /// <summary>Creates a request for a number.</summary>
    public CallPhoneRequest(string calledNumber)
    {
        CalledNumber = calledNumber;
    }

    /// <summary>The number to call (<c>callednum</c>). Required: digits, optionally a leading +.</summary>
    public string CalledNumber { get; }

    /// <summary>The integrator's data, up to 255 characters without special symbols; Base64 recommended (<c>userfield</c>).</summary>
    public string? UserField { get; init; }

    /// <summary>Risk-control tag (<c>tag</c>).</summary>
    public string? Tag { get; init; }

    /// <summary>Show this mobile number to the callee (<c>mobileTelx</c>).</summary>
    public string? MobileTelx { get; init; }

    /// <summary>Show this fixed-line number to the callee (<c>fixedTelx</c>).</summary>
    public string? FixedTelx { get; init; }

    /// <summary>Show a number of these trunk groups (<c>trunkNumberGroups</c>).</summary>
    public string? TrunkNumberGroups { get; init; }

    /// <summary>How to pick the number from a trunk or number group (<c>callStrategy</c>).</summary>
    public CallStrategy? CallStrategy { get; init; }

    /// <summary>Show a number of this trunk group (<c>trunkNumberGroupId</c>).</summary>
    public string? TrunkNumberGroupId { get; init; }

    /// <summary>Number group, alone or with a trunk group (<c>numberGroupId</c>).</summary>
    public string? NumberGroupId { get; init; }

    /// <summary>Push the call to real-time speech recognition (<c>rasrPush</c>).</summary>
    public bool? RasrPush { get; init; }
}
