using System;
using System.Net;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>Called on an <see cref="IceSocket"/>'s receive loop for each datagram; the span (the socket's buffer) is valid only during the call.</summary>
internal delegate void IceSocketReceiveHandler(IceSocket socket, Span<byte> datagram, IPEndPoint remote);
