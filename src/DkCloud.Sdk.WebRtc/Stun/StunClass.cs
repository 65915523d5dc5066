namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>The two class bits of a STUN message type.</summary>
internal enum StunClass : byte
{
    /// <summary>Request (C1C0 = 00).</summary>
    Request = 0,

    /// <summary>Indication (C1C0 = 01).</summary>
    Indication = 1,

    /// <summary>Success response (C1C0 = 10).</summary>
    SuccessResponse = 2,

    /// <summary>Error response (C1C0 = 11).</summary>
    ErrorResponse = 3,
}
