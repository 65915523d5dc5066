namespace DkCloud.Sdk.Session;

/// <summary>How the agent WebSocket closed.</summary>
internal sealed class LinkClosedInfo
{
    public LinkClosedInfo(bool expected, string description)
    {
        Expected = expected;
        Description = description;
    }

    /// <summary>True when this side closed it (logoff, dispose); false when it broke or the server closed it.</summary>
    public bool Expected { get; }

    public string Description { get; }
}
