namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary>Media direction attributes (RFC 8866 §6.7); sendrecv is the default when none is given.</summary>
internal enum SdpDirection
{
    /// <summary>a=sendrecv.</summary>
    SendRecv,
    /// <summary>a=sendonly.</summary>
    SendOnly,
    /// <summary>a=recvonly.</summary>
    RecvOnly,
    /// <summary>a=inactive.</summary>
    Inactive,
}
