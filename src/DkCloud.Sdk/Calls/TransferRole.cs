namespace DkCloud.Sdk.Calls;

/// <summary>This agent's part in a transfer or consultation.</summary>
public enum TransferRole
{
    /// <summary>Not a transfer or consultation.</summary>
    None = 0,

    /// <summary>This agent started the newest transfer or consultation.</summary>
    Initiator = 1,

    /// <summary>Another agent started it; this agent receives it.</summary>
    Target = 2,
}
