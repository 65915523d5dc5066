using System;
using DkCloud.Sdk.Events;

namespace DkCloud.Sdk.Session;

/// <summary>Where <see cref="MessageReader"/> puts what it reads. Called on the reader: return quickly, throw nothing.</summary>
internal interface IMessageSink
{
    /// <summary>A whole text message, as the socket delivered it; the bytes are valid only during the call.</summary>
    void OnText(ReadOnlyMemory<byte> utf8);

    /// <summary>A message that cannot be used (binary, or past the size limit); the rest of it is being skipped.</summary>
    void OnDropped(ProtocolErrorEventArgs error);
}
