namespace DkCloud.Sdk.Models;

/// <summary>The placed call.</summary>
public sealed class CallPhoneResult
{
    /// <summary>Creates the result.</summary>
    public CallPhoneResult(string linkedId)
    {
        LinkedId = linkedId;
    }

    /// <summary>The call's unique id; every event of the call carries it.</summary>
    public string LinkedId { get; }
}
