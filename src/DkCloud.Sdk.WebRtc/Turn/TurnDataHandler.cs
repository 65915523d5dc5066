using System;
using System.Net;

namespace DkCloud.Sdk.WebRtc.Turn;

/// <summary>
/// Called on the TURN client's receive loop for each datagram a peer sent to the relayed address (Data indication or
/// ChannelData). The span is valid only during the call.
/// </summary>
internal delegate void TurnDataHandler(Span<byte> data, IPEndPoint peer);
