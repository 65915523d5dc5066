namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>STUN methods (RFC 8489 binding, RFC 8656 TURN).</summary>
internal enum StunMethod : ushort
{
    /// <summary>Binding (0x001).</summary>
    Binding = 0x001,

    /// <summary>TURN Allocate (0x003).</summary>
    Allocate = 0x003,

    /// <summary>TURN Refresh (0x004).</summary>
    Refresh = 0x004,

    /// <summary>TURN Send (0x006), indication only.</summary>
    Send = 0x006,

    /// <summary>TURN Data (0x007), indication only.</summary>
    Data = 0x007,

    /// <summary>TURN CreatePermission (0x008).</summary>
    CreatePermission = 0x008,

    /// <summary>TURN ChannelBind (0x009).</summary>
    ChannelBind = 0x009,
}
