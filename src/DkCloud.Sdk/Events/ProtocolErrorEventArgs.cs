using System;

namespace DkCloud.Sdk.Events;

/// <summary>
/// The server sent something the SDK could not use (malformed JSON, an unknown type, a field of the wrong
/// type, a binary or oversize frame). The message was dropped; the session goes on.
/// </summary>
public sealed class ProtocolErrorEventArgs : EventArgs
{
    /// <summary>Creates the event.</summary>
    public ProtocolErrorEventArgs(ProtocolErrorKind kind, string detail, string? messageType)
    {
        Kind = kind;
        Detail = detail;
        MessageType = messageType;
    }

    /// <summary>What was wrong.</summary>
    public ProtocolErrorKind Kind { get; }

    /// <summary>A description without the message's content (which may carry personal data).</summary>
    public string Detail { get; }

    /// <summary>The message's <c>type</c>, when it could be read.</summary>
    public string? MessageType { get; }
}
