using System;
using System.Threading;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Rtp;
using DkCloud.Sdk.WebRtc.Srtp;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>Receiving: SRTP, then RTP into the audio stream's jitter buffer (or its telephone-event receiver).</summary>
internal sealed partial class MediaSession
{
    private readonly object _receiveGate = new();
    private int _firstPacket;

    /// <summary>Receive statistics of the remote stream (loss, jitter), or null before the first packet.</summary>
    /// <remarks>The object is live and not thread-safe; read it for diagnostics.</remarks>
    public RtpReceiveStatistics? ReceiveStatistics => Volatile.Read(ref _stream)?.ReceiveStatistics;

    private void ReceiveRtp(Span<byte> datagram)
    {
        int length;
        lock (_receiveGate)
        {
            SrtpContext? context;
            lock (_gate)
            {
                context = _receiveContext;
            }

            if (context is null)
            {
                Counters.OnDropped();
                return;
            }

            SrtpStatus status = context.UnprotectRtp(datagram, out length);
            if (status != SrtpStatus.Ok)
            {
                if (status == SrtpStatus.AuthenticationFailed)
                {
                    Counters.OnAuthenticationFailure();
                }
                else
                {
                    Counters.OnDropped();
                }

                return;
            }
        }

        AudioMediaStream? stream = Volatile.Read(ref _stream);
        if (!RtpPacket.TryParse(datagram.Slice(0, length), out RtpPacket packet) || stream is null || !stream.ReceiveRtp(packet))
        {
            // Authenticated but not ours: a payload type that was not negotiated, or media before the answer.
            Counters.OnDropped();
            return;
        }

        Counters.OnReceived(packet.Payload.Length);
        if (Interlocked.Exchange(ref _firstPacket, 1) == 0)
        {
            FirstPacketReceived?.Invoke();
        }
    }

    private void ReceiveRtcp(Span<byte> datagram)
    {
        SrtpStatus status;
        int length;
        lock (_receiveGate)
        {
            SrtpContext? context;
            lock (_gate)
            {
                context = _receiveContext;
            }

            if (context is null)
            {
                Counters.OnDropped();
                return;
            }

            status = context.UnprotectRtcp(datagram, out length);
        }

        if (status == SrtpStatus.Ok)
        {
            Counters.OnRtcpReceived();
            ReadRtcp(datagram.Slice(0, length));
        }
        else if (status == SrtpStatus.AuthenticationFailed)
        {
            Counters.OnAuthenticationFailure();
        }
        else
        {
            Counters.OnDropped();
        }
    }
}
