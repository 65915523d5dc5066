using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>One via-parm of a Via header (RFC 3261 §20.42, RFC 3581 rport, RFC 7118 WS/WSS).</summary>
internal sealed class SipVia
{
    /// <summary>The RFC 3261 branch magic cookie.</summary>
    public const string BranchCookie = "z9hG4bK";

    /// <summary>Creates a SIP/2.0 Via.</summary>
    public SipVia(string transport, string host, int? port = null)
    {
        Transport = transport ?? throw new ArgumentNullException(nameof(transport));
        Host = host ?? throw new ArgumentNullException(nameof(host));
        Port = port;
    }

    /// <summary>Protocol name, normally <c>SIP</c>.</summary>
    public string Protocol { get; private set; } = "SIP";

    /// <summary>Protocol version, normally <c>2.0</c>.</summary>
    public string Version { get; private set; } = "2.0";

    /// <summary>Transport as written (UDP, TCP, TLS, SCTP, WS, WSS or an extension).</summary>
    public string Transport { get; }

    /// <summary>The sent-by host.</summary>
    public string Host { get; }

    /// <summary>The sent-by port, when given.</summary>
    public int? Port { get; }

    /// <summary>Parameters in order.</summary>
    public List<SipParameter> Parameters { get; } = new();

    /// <summary>The branch parameter, or null.</summary>
    public string? Branch => GetParameter("branch");

    /// <summary>True when the branch starts with the magic cookie and has more after it (RFC 3261 §8.1.1.7; RFC 4475 §3.2.1).</summary>
    public bool HasRfc3261Branch
        => Branch is { } branch && branch.Length > BranchCookie.Length && branch.StartsWith(BranchCookie, StringComparison.Ordinal);

    /// <summary>The received parameter, or null.</summary>
    public string? Received => GetParameter("received");

    /// <summary>True when an rport parameter is present, with or without a value (RFC 3581).</summary>
    public bool HasRport => GetParameter("rport") is not null;

    /// <summary>The rport value, when one is given.</summary>
    public int? Rport
        => int.TryParse(GetParameter("rport"), NumberStyles.None, CultureInfo.InvariantCulture, out int port) ? port : null;

    /// <summary>Returns a parameter value (empty for a flag) or null; names compare case-insensitively.</summary>
    public string? GetParameter(string name)
    {
        foreach (SipParameter parameter in Parameters)
        {
            if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return parameter.Value ?? string.Empty;
            }
        }

        return null;
    }

    /// <summary>Reads one via-parm at the reader's position.</summary>
    internal static SipVia Read(ref SipValueReader reader)
    {
        var parameters = new List<SipParameter>();
        SipViaParts parts = SipHeaderGrammar.ReadVia(ref reader, parameters);
        ReadOnlySpan<byte> message = reader.Message;
        var via = new SipVia(
            SipSyntax.GetString(parts.Transport.Slice(message)),
            SipSyntax.GetString(parts.Host.Slice(message)),
            parts.Port >= 0 ? parts.Port : null)
        {
            Protocol = SipSyntax.GetString(parts.Protocol.Slice(message)),
            Version = SipSyntax.GetString(parts.Version.Slice(message)),
        };
        via.Parameters.AddRange(parameters);
        return via;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var builder = new StringBuilder(64)
            .Append(Protocol).Append('/').Append(Version).Append('/').Append(Transport).Append(' ').Append(Host);
        if (Port is int port)
        {
            builder.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }

        foreach (SipParameter parameter in Parameters)
        {
            builder.Append(';').Append(parameter);
        }

        return builder.ToString();
    }
}
