using System.Globalization;

namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary>The <c>o=</c> line: username, session id, version and address.</summary>
internal sealed class SdpOrigin
{
    /// <summary>Creates an origin line.</summary>
    public SdpOrigin(string username, ulong sessionId, ulong sessionVersion, string addressType, string address, string networkType = "IN")
    {
        Username = username;
        SessionId = sessionId;
        SessionVersion = sessionVersion;
        NetworkType = networkType;
        AddressType = addressType;
        Address = address;
    }

    /// <summary>The user name, or <c>-</c>.</summary>
    public string Username { get; }

    /// <summary>The session id.</summary>
    public ulong SessionId { get; }

    /// <summary>The version, incremented on each change of the session (RFC 3264 §8).</summary>
    public ulong SessionVersion { get; }

    /// <summary>Network type, <c>IN</c>.</summary>
    public string NetworkType { get; }

    /// <summary>Address type, <c>IP4</c> or <c>IP6</c>.</summary>
    public string AddressType { get; }

    /// <summary>The unicast address.</summary>
    public string Address { get; }

    /// <inheritdoc/>
    public override string ToString()
        => Username + " " + SessionId.ToString(CultureInfo.InvariantCulture) + " " + SessionVersion.ToString(CultureInfo.InvariantCulture)
            + " " + NetworkType + " " + AddressType + " " + Address;
}
