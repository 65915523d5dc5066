namespace DkCloud.Emulator.Hosting;

/// <summary>One item of a connection's send queue: a text message, or the close of the socket after what is queued before it.</summary>
internal readonly record struct OutgoingFrame(string? Text, bool Close);
