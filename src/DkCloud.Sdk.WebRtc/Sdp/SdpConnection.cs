namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary>A <c>c=</c> line: <c>IN IP4 192.0.2.1</c>.</summary>
internal sealed class SdpConnection
{
    /// <summary>Creates a connection line.</summary>
    public SdpConnection(string addressType, string address, string networkType = "IN")
    {
        NetworkType = networkType;
        AddressType = addressType;
        Address = address;
    }

    /// <summary>Network type, <c>IN</c>.</summary>
    public string NetworkType { get; }

    /// <summary>Address type, <c>IP4</c> or <c>IP6</c>.</summary>
    public string AddressType { get; }

    /// <summary>The connection address (possibly with a TTL/count suffix for multicast).</summary>
    public string Address { get; }

    /// <inheritdoc/>
    public override string ToString() => NetworkType + " " + AddressType + " " + Address;
}
