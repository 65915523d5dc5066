namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>The ICE role (RFC 8445 section 6.1.1): the offerer starts as controlling, the answerer as controlled.</summary>
internal enum IceRole
{
    /// <summary>Nominates the pair that carries media.</summary>
    Controlling,

    /// <summary>Follows the controlling agent's nomination.</summary>
    Controlled,
}
