using System;
using DkCloud.Sdk.WebRtc.Rtp;
using DkCloud.Sdk.WebRtc.Srtp;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>Receiving: SRTP then RTP then G.711 decode, into the sink and the frequency meter.</summary>
internal sealed partial class MediaSession
{
    private readonly object _receiveGate = new();
    private readonly short[] _decoded = new short[1500];
    private RtpReceiveStatistics? _statistics;
    private bool _firstPacket;

    /// <summary>Receive statistics of the remote stream (loss, jitter), or null before the first packet.</summary>
    public RtpReceiveStatistics? ReceiveStatistics
    {
        get { lock (_receiveGate) { return _statistics; } }
    }

    private void ReceiveRtp(Span<byte> datagram)
    {
        bool first = false;
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

            SrtpStatus status = context.UnprotectRtp(datagram, out int length);
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

            if (!RtpPacket.TryParse(datagram.Slice(0, length), out RtpPacket packet) || !G711.IsG711(packet.PayloadType))
            {
                // telephone-event or comfort noise: authenticated but not audio.
                Counters.OnDropped();
                return;
            }

            _remoteSsrc = packet.Ssrc;
            _statistics ??= new RtpReceiveStatistics(SampleRate, _options.Time.TimestampFrequency);
            _statistics.Update(packet.SequenceNumber, packet.Timestamp, _options.Time.GetTimestamp());
            int samples = G711.Decode(packet.PayloadType, packet.Payload, _decoded);
            Counters.OnReceived(packet.Payload.Length);
            ReadOnlySpan<short> audio = _decoded.AsSpan(0, samples);
            Heard.Write(audio);
            _options.Sink?.Write(audio);
            first = !_firstPacket;
            _firstPacket = true;
        }

        if (first)
        {
            FirstPacketReceived?.Invoke();
        }
    }

    private void ReceiveRtcp(Span<byte> datagram)
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

        SrtpStatus status;
        lock (_receiveGate)
        {
            status = context.UnprotectRtcp(datagram, out _);
        }

        if (status == SrtpStatus.Ok)
        {
            Counters.OnRtcpReceived();
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
