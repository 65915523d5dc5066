namespace DkCloud.Sdk.Calls;

/// <summary>Which way a call goes (<c>option</c>).</summary>
public enum CallDirection
{
    /// <summary>Not given.</summary>
    Unknown = 0,

    /// <summary><c>in</c>: the customer called.</summary>
    Inbound = 1,

    /// <summary><c>out</c>: the agent (or the open API) called.</summary>
    Outbound = 2,
}
