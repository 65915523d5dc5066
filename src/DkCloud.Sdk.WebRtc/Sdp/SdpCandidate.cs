using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary>An ICE candidate, <c>a=candidate:</c> with the full RFC 8839 §5.1 grammar.</summary>
internal sealed class SdpCandidate
{
    /// <summary>Creates a candidate.</summary>
    public SdpCandidate(string foundation, int component, string transport, uint priority, string address, int port, string type)
    {
        Foundation = foundation;
        Component = component;
        Transport = transport;
        Priority = priority;
        Address = address;
        Port = port;
        Type = type;
    }

    /// <summary>Foundation: 1-32 ice-chars.</summary>
    public string Foundation { get; }

    /// <summary>Component id: 1 (RTP) or 2 (RTCP), at most 256.</summary>
    public int Component { get; }

    /// <summary>Transport as written (<c>udp</c>, <c>UDP</c>, <c>tcp</c>…).</summary>
    public string Transport { get; }

    /// <summary>Priority, 1-2^32-1.</summary>
    public uint Priority { get; }

    /// <summary>Connection address: IPv4, IPv6 or an FQDN (an mDNS <c>.local</c> name from browsers).</summary>
    public string Address { get; }

    /// <summary>Port, 0-65535.</summary>
    public int Port { get; }

    /// <summary>Candidate type: host, srflx, prflx, relay or an extension token.</summary>
    public string Type { get; }

    /// <summary>raddr, when given.</summary>
    public string? RelatedAddress { get; set; }

    /// <summary>rport, when given.</summary>
    public int? RelatedPort { get; set; }

    /// <summary>Extension attributes in order (generation, ufrag, network-id, network-cost, tcptype…).</summary>
    public List<KeyValuePair<string, string>> Extensions { get; } = new();

    /// <summary>The generation extension, when present.</summary>
    public int? Generation => int.TryParse(GetExtension("generation"), NumberStyles.None, CultureInfo.InvariantCulture, out int g) ? g : null;

    /// <summary>The tcptype extension (active, passive, so), when present.</summary>
    public string? TcpType => GetExtension("tcptype");

    /// <summary>An extension value by name, or null.</summary>
    public string? GetExtension(string name)
    {
        foreach (KeyValuePair<string, string> extension in Extensions)
        {
            if (string.Equals(extension.Key, name, StringComparison.Ordinal))
            {
                return extension.Value;
            }
        }

        return null;
    }

    /// <summary>Parses the value after <c>a=candidate:</c> (a leading <c>candidate:</c> is also accepted, as trickle ICE sends it).</summary>
    public static SdpCandidate Parse(string value)
    {
        if (value.StartsWith("candidate:", StringComparison.OrdinalIgnoreCase))
        {
            value = value.Substring("candidate:".Length);
        }

        string[] f = value.Split(' ');
        if (f.Length < 8 || f.Length % 2 != 0 || !string.Equals(f[6], "typ", StringComparison.Ordinal))
        {
            SdpThrowHelper.Throw(SdpRejectReason.InvalidAttribute);
        }

        if (f[0].Length is 0 or > 32 || !IsIceChars(f[0]) || f[2].Length == 0 || f[4].Length == 0 || f[7].Length == 0)
        {
            SdpThrowHelper.Throw(SdpRejectReason.InvalidAttribute);
        }

        int component = (int)SdpThrowHelper.ParseNumber(f[1], 256, SdpRejectReason.InvalidAttribute);
        uint priority = (uint)SdpThrowHelper.ParseNumber(f[3], uint.MaxValue, SdpRejectReason.InvalidAttribute);
        int port = (int)SdpThrowHelper.ParseNumber(f[5], 65535, SdpRejectReason.PortOutOfRange);
        if (component == 0 || f[1].Length > 3 || f[3].Length > 10)
        {
            SdpThrowHelper.Throw(SdpRejectReason.InvalidAttribute);
        }

        var candidate = new SdpCandidate(f[0], component, f[2], priority, f[4], port, f[7]);
        int i = 8;
        if (i < f.Length && f[i] == "raddr")
        {
            candidate.RelatedAddress = f[i + 1];
            i += 2;
        }

        if (i < f.Length && f[i] == "rport")
        {
            candidate.RelatedPort = (int)SdpThrowHelper.ParseNumber(f[i + 1], 65535, SdpRejectReason.PortOutOfRange);
            i += 2;
        }

        for (; i < f.Length; i += 2)
        {
            if (f[i].Length == 0 || f[i + 1].Length == 0)
            {
                SdpThrowHelper.Throw(SdpRejectReason.InvalidAttribute);
            }

            candidate.Extensions.Add(new KeyValuePair<string, string>(f[i], f[i + 1]));
        }

        return candidate;
    }

    /// <summary>The value after <c>a=candidate:</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(128)
            .Append(Foundation).Append(' ')
            .Append(Component.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(Transport).Append(' ')
            .Append(Priority.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(Address).Append(' ')
            .Append(Port.ToString(CultureInfo.InvariantCulture)).Append(" typ ").Append(Type);
        if (RelatedAddress is not null)
        {
            builder.Append(" raddr ").Append(RelatedAddress);
        }

        if (RelatedPort is int relatedPort)
        {
            builder.Append(" rport ").Append(relatedPort.ToString(CultureInfo.InvariantCulture));
        }

        foreach (KeyValuePair<string, string> extension in Extensions)
        {
            builder.Append(' ').Append(extension.Key).Append(' ').Append(extension.Value);
        }

        return builder.ToString();
    }

    private static bool IsIceChars(string text)
    {
        foreach (char c in text)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '+' or '/'))
            {
                return false;
            }
        }

        return true;
    }
}
