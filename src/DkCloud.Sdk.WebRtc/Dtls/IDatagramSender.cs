using System;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>
/// Sends one datagram to the current peer. The ICE agent implements it over its selected pair; tests implement it
/// with an in-memory (optionally lossy) link.
/// </summary>
/// <remarks>Implementations must accept calls from any thread and must not block for long; errors are dropped datagrams.</remarks>
internal interface IDatagramSender
{
    /// <summary>Largest datagram payload the path carries without IP fragmentation, in bytes.</summary>
    int MaxDatagramSize { get; }

    /// <summary>Sends <paramref name="datagram"/>; a datagram that cannot be sent is dropped silently, as UDP would.</summary>
    void Send(ReadOnlySpan<byte> datagram);
}
