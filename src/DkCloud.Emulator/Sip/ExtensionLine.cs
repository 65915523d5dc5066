using System;
using DkCloud.Sdk.WebRtc.Sip.UserAgent;

namespace DkCloud.Emulator.Sip;

/// <summary>
/// The server side of one WebRTC extension: a SIP user agent on the emulator's side of the extension's WebSocket,
/// which answers its REGISTER and OPTIONS and places the calls that ring it.
/// </summary>
internal sealed class ExtensionLine : IDisposable
{
    private readonly object _gate = new();
    private string? _contact;
    private DateTimeOffset _expires;

    public ExtensionLine(string extension, ExtensionTransport transport, SipUserAgent agent)
    {
        Extension = extension;
        Transport = transport;
        Agent = agent;
    }

    public string Extension { get; }

    public ExtensionTransport Transport { get; }

    public SipUserAgent Agent { get; }

    /// <summary>The registered contact URI, or null.</summary>
    public string? Contact
    {
        get { lock (_gate) { return _contact; } }
    }

    /// <summary>Whether the extension holds a binding that has not expired on a live connection.</summary>
    public bool IsRegistered(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _contact is not null && now < _expires && Transport.IsConnected;
        }
    }

    public void Register(string contact, DateTimeOffset expires)
    {
        lock (_gate)
        {
            _contact = contact;
            _expires = expires;
        }
    }

    public void Unregister()
    {
        lock (_gate)
        {
            _contact = null;
        }
    }

    public void Dispose()
    {
        Agent.Dispose();
        Transport.Dispose();
    }
}
