namespace DkCloud.Sdk.Calls;

/// <summary>
/// The kind of call (<c>callType</c>, 0–32). The document confirms 0, 11, 15 and 19 (through its demo); 1 and 2
/// are the SDK's reading of the platform (see docs/protocol.md). Any other value is kept as a number: test it
/// with <c>(int)callType</c>.
/// </summary>
public enum CallType
{
    /// <summary>0: an ordinary call.</summary>
    Normal = 0,

    /// <summary>1: an inbound call routed to the agent (assumed).</summary>
    Inbound = 1,

    /// <summary>2: an outbound call placed by the back end's open API (assumed).</summary>
    ApiOutbound = 2,

    /// <summary>11: a call transferred to this agent (转接).</summary>
    Transfer = 11,

    /// <summary>15: an attended (consult) transfer (咨询转接).</summary>
    ConsultTransfer = 15,

    /// <summary>19: a consultation between agents (咨询).</summary>
    Consult = 19,

    /// <summary>The value was missing or not a number.</summary>
    Unknown = -1,
}
