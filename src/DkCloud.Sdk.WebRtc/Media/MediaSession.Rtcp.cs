using System;
using System.Text;
using System.Threading;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Rtp;
using DkCloud.Sdk.WebRtc.Srtp;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>
/// Periodic SRTCP from the media clock: a sender report while we send (a receiver report on hold) with a report block
/// once we receive, and our CNAME. Received reports give the round-trip time (RFC 3550 §6.4.1) to the quality monitor.
/// </summary>
internal sealed partial class MediaSession
{
    private readonly byte[] _rtcp = new byte[256];
    private readonly object _rtcpGate = new();
    private long _nextRtcpFrame;
    private uint _lastSenderReport;
    private long _lastSenderReportArrival;
    private long _roundTripTicks = -1;

    /// <summary>The latest round-trip time from RTCP, or null before the far end reported on one of our sender reports.</summary>
    public TimeSpan? RoundTripTime
    {
        get
        {
            long ticks = Interlocked.Read(ref _roundTripTicks);
            return ticks < 0 ? null : TimeSpan.FromTicks(ticks);
        }
    }

    private void SendRtcpWhenDue(AudioMediaStream? stream)
    {
        long interval = Math.Max(1, _options.RtcpInterval.Ticks / FrameInterval.Ticks);
        if (_framesDue < _nextRtcpFrame)
        {
            return;
        }

        _nextRtcpFrame = _framesDue + interval;
        uint lastSenderReport;
        uint delay = 0;
        lock (_rtcpGate)
        {
            lastSenderReport = _lastSenderReport;
            if (lastSenderReport != 0)
            {
                delay = (uint)(_options.Time.GetElapsedTime(_lastSenderReportArrival).Ticks * 65536 / TimeSpan.TicksPerSecond);
            }
        }

        RtcpReportBlock? block = stream?.CreateReportBlock(lastSenderReport, delay);
        RtcpReportBlock[] blocks = block is RtcpReportBlock value ? [value] : Array.Empty<RtcpReportBlock>();
        int length;
        if (_sendAllowed && stream is not null)
        {
            ulong ntp = NtpTime.FromDateTimeOffset(_options.Time.GetUtcNow());
            var info = new RtcpSenderInfo(ntp, stream.NextTimestamp, unchecked((uint)Counters.PacketsSent), unchecked((uint)Counters.BytesSent));
            length = RtcpWriter.WriteSenderReport(_rtcp, _ssrc, info, blocks);
        }
        else
        {
            length = RtcpWriter.WriteReceiverReport(_rtcp, _ssrc, blocks);
        }

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

    private void ReadRtcp(ReadOnlySpan<byte> compound)
    {
        if (!RtcpCompoundEnumerator.Validate(compound))
        {
            return;
        }

        long arrival = _options.Time.GetTimestamp();
        uint now = NtpTime.Middle32(NtpTime.FromDateTimeOffset(_options.Time.GetUtcNow()));
        foreach (RtcpPacket packet in new RtcpCompoundEnumerator(compound))
        {
            if (packet.Type == RtcpPacketType.SenderReport && packet.TryGetSenderInfo(out RtcpSenderInfo info))
            {
                lock (_rtcpGate)
                {
                    _lastSenderReport = NtpTime.Middle32(info.NtpTimestamp);
                    _lastSenderReportArrival = arrival;
                }
            }

            if (packet.Type is not (RtcpPacketType.SenderReport or RtcpPacketType.ReceiverReport))
            {
                continue;
            }

            for (int i = 0; i < packet.Count; i++)
            {
                if (packet.TryGetReportBlock(i, out RtcpReportBlock block) && block.Ssrc == _ssrc
                    && NtpTime.TryGetRoundTripTime(now, block.LastSenderReport, block.DelaySinceLastSenderReport, out TimeSpan roundTrip))
                {
                    Interlocked.Exchange(ref _roundTripTicks, roundTrip.Ticks);
                    Volatile.Read(ref _monitor)?.UpdateRoundTripTime(roundTrip);
                }
            }
        }
    }
}
