namespace DkCloud.Emulator.Hosting;

/// <summary>What <see cref="WebSocketMessageReader.ReadAsync"/> ended with.</summary>
internal enum WebSocketReadOutcome
{
    /// <summary>A whole message is in <see cref="WebSocketMessageReader.Message"/>.</summary>
    Message,

    /// <summary>The peer closed the connection.</summary>
    Closed,

    /// <summary>A message passed the limit; the socket was closed with 1009.</summary>
    TooBig,
}
