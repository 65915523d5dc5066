using System;
using System.Text;
using DkCloud.Sdk.WebRtc.Rtp;
using DkCloud.Sdk.WebRtc.Srtp;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>Periodic SRTCP: a sender report (with a report block once we receive) and our CNAME, from the send tick.</summary>
internal sealed partial class MediaSession
{
    private readonly byte[] _rtcp = new byte[256];
    private uint _remoteSsrc;
    private long _nextRtcpFrame;

    private void SendRtcpWhenDue()
    {
        long interval = Math.Max(1, _options.RtcpInterval.Ticks / FrameInterval.Ticks);
        if (_framesDue < _nextRtcpFrame)
        {
            return;
        }

        _nextRtcpFrame = _framesDue + interval;
        ulong ntp = NtpTime.FromDateTimeOffset(_options.Time.GetUtcNow());
        var info = new RtcpSenderInfo(ntp, _timestamp, unchecked((uint)Counters.PacketsSent), unchecked((uint)Counters.BytesSent));
        RtcpReportBlock[] blocks;
        lock (_receiveGate)
        {
            blocks = _statistics is null ? Array.Empty<RtcpReportBlock>() : new[] { _statistics.CreateReportBlock(_remoteSsrc, 0, 0) };
        }

        int length = RtcpWriter.WriteSenderReport(_rtcp, _ssrc, info, blocks);
        length += RtcpWriter.WriteSdesCname(_rtcp.AsSpan(length), _ssrc, Encoding.ASCII.GetBytes(_cname));
        lock (_gate)
        {
            if (_disposed || _sendContext is null || _agent is null || _sendContext.ProtectRtcp(_rtcp, length, out int protectedLength) != SrtpStatus.Ok)
            {
                return;
            }

            _agent.Send(_rtcp.AsSpan(0, protectedLength));
        }

        Counters.OnRtcpSent();
    }
}
