using System;
using System.Net;
using DkCloud.Sdk.WebRtc.Rtp;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>
/// Receives the non-STUN datagrams of the ICE sockets (DTLS, RTP, RTCP by RFC 7983), on the socket's receive loop.
/// The span is valid only during the call: copy it (DTLS) or transform it in place and finish (SRTP).
/// </summary>
internal delegate void IceDatagramHandler(MediaPacketKind kind, Span<byte> datagram, IPEndPoint remote);
