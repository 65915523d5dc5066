using System;
using System.Globalization;
using System.Net;
using System.Text;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>A UDP ICE candidate, with its SDP form (RFC 8839 section 5.1: <c>a=candidate:</c> value).</summary>
internal sealed class IceCandidate
{
    /// <summary>Creates a candidate.</summary>
    public IceCandidate(string foundation, int component, uint priority, IPEndPoint endPoint, IceCandidateType type, IPEndPoint? relatedEndPoint = null)
    {
        if (string.IsNullOrEmpty(foundation) || foundation.Length > 32)
        {
            throw new ArgumentException("A foundation has 1 to 32 characters.", nameof(foundation));
        }

        if (component < 1 || component > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(component));
        }

        Foundation = foundation;
        Component = component;
        Priority = priority;
        EndPoint = endPoint ?? throw new ArgumentNullException(nameof(endPoint));
        Type = type;
        RelatedEndPoint = relatedEndPoint;
    }

    /// <summary>The foundation.</summary>
    public string Foundation { get; }

    /// <summary>The component id; 1 (RTP, with rtcp-mux) for audio.</summary>
    public int Component { get; }

    /// <summary>The candidate priority.</summary>
    public uint Priority { get; }

    /// <summary>The transport address.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The candidate type.</summary>
    public IceCandidateType Type { get; }

    /// <summary>The base (for reflexive candidates) or the server address; null for host candidates.</summary>
    public IPEndPoint? RelatedEndPoint { get; }

    /// <summary>Parses an <c>a=candidate</c> value, with or without the <c>a=</c> and <c>candidate:</c> prefixes.</summary>
    /// <returns>False for malformed text and for candidates this stack does not use (TCP, unknown types).</returns>
    public static bool TryParse(string? text, out IceCandidate? candidate)
    {
        candidate = null;
        if (text is null)
        {
            return false;
        }

        string value = text.Trim();
        if (value.StartsWith("a=", StringComparison.Ordinal))
        {
            value = value.Substring(2);
        }

        if (value.StartsWith("candidate:", StringComparison.OrdinalIgnoreCase))
        {
            value = value.Substring("candidate:".Length);
        }

        string[] parts = value.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 8
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int component)
            || component < 1 || component > 256
            || !string.Equals(parts[2], "udp", StringComparison.OrdinalIgnoreCase)
            || !uint.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out uint priority)
            || !IPAddress.TryParse(parts[4], out IPAddress? address)
            || !ushort.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out ushort port)
            || parts[6] != "typ"
            || !TryParseType(parts[7], out IceCandidateType type)
            || parts[0].Length == 0 || parts[0].Length > 32)
        {
            return false;
        }

        IPAddress? relatedAddress = null;
        int relatedPort = -1;
        for (int i = 8; i + 1 < parts.Length; i += 2)
        {
            if (parts[i] == "raddr")
            {
                IPAddress.TryParse(parts[i + 1], out relatedAddress);
            }
            else if (parts[i] == "rport" && ushort.TryParse(parts[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out ushort rport))
            {
                relatedPort = rport;
            }
        }

        IPEndPoint? related = relatedAddress is not null && relatedPort >= 0 ? new IPEndPoint(relatedAddress, relatedPort) : null;
        candidate = new IceCandidate(parts[0], component, priority, new IPEndPoint(address!, port), type, related);
        return true;
    }

    /// <summary>The SDP attribute value after <c>a=candidate:</c>, e.g. <c>1234 1 UDP 2130706431 127.0.0.1 30000 typ host</c>.</summary>
    public string ToAttributeValue()
    {
        var text = new StringBuilder(96);
        text.Append(Foundation).Append(' ')
            .Append(Component.ToString(CultureInfo.InvariantCulture)).Append(" UDP ")
            .Append(Priority.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(EndPoint.Address).Append(' ')
            .Append(EndPoint.Port.ToString(CultureInfo.InvariantCulture)).Append(" typ ")
            .Append(TypeName(Type));
        if (RelatedEndPoint is not null)
        {
            text.Append(" raddr ").Append(RelatedEndPoint.Address)
                .Append(" rport ").Append(RelatedEndPoint.Port.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => "candidate:" + ToAttributeValue();

    /// <summary>The SDP name of a candidate type.</summary>
    public static string TypeName(IceCandidateType type) => type switch
    {
        IceCandidateType.Host => "host",
        IceCandidateType.ServerReflexive => "srflx",
        IceCandidateType.PeerReflexive => "prflx",
        IceCandidateType.Relayed => "relay",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static bool TryParseType(string name, out IceCandidateType type)
    {
        switch (name)
        {
            case "host":
                type = IceCandidateType.Host;
                return true;
            case "srflx":
                type = IceCandidateType.ServerReflexive;
                return true;
            case "prflx":
                type = IceCandidateType.PeerReflexive;
                return true;
            case "relay":
                type = IceCandidateType.Relayed;
                return true;
            default:
                type = default;
                return false;
        }
    }
}
