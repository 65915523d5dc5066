namespace DkCloud.Sdk.Calls;

/// <summary>
/// The kind of call (<c>callType</c>, 0–32). The document confirms 0, 11, 15 and 19 (through its demo); the others
/// named here are the SDK's reading of the platform (docs/protocol.md §4.2, §7). Any other value is kept as a number: test it
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

    /// <summary>8: a monitor listening to a call (监听, assumed).</summary>
    Listen = 8,

    /// <summary>9: a monitor barging into a call (强插, assumed).</summary>
    BargeIn = 9,

    /// <summary>10: a monitor whispering to the agent (耳语, assumed).</summary>
    Whisper = 10,

    /// <summary>11: a call transferred to this agent (转接).</summary>
    Transfer = 11,

    /// <summary>15: an attended (consult) transfer (咨询转接).</summary>
    ConsultTransfer = 15,

    /// <summary>16: an attended transfer to an external number (assumed).</summary>
    ConsultTransferExternal = 16,

    /// <summary>17: a three-way call (咨询三方, assumed).</summary>
    ThreeWay = 17,

    /// <summary>18: a monitor listening to a three-way call (监听三方, assumed).</summary>
    ListenThreeWay = 18,

    /// <summary>19: a consultation between agents (咨询).</summary>
    Consult = 19,

    /// <summary>20: a consultation of an external number (assumed).</summary>
    ConsultExternal = 20,

    /// <summary>The value was missing or not a number.</summary>
    Unknown = -1,
}
