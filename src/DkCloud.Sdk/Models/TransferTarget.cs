namespace DkCloud.Sdk.Models;

/// <summary>The agent or number of a consultation or attended transfer (<c>mode</c>, <c>atxferNumber</c>).</summary>
public sealed class TransferTarget
{
    /// <summary>Creates a target.</summary>
    public TransferTarget(TransferMode mode, string number)
    {
        Mode = mode;
        Number = number;
    }

    /// <summary>Agent or external number.</summary>
    public TransferMode Mode { get; }

    /// <summary>The agent number or the phone number.</summary>
    public string Number { get; }

    /// <summary>Another agent.</summary>
    public static TransferTarget Agent(string agentNumber) => new(TransferMode.Agent, agentNumber);

    /// <summary>An external number.</summary>
    public static TransferTarget External(string phoneNumber) => new(TransferMode.External, phoneNumber);
}
