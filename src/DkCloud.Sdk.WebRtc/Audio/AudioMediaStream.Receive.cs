using System;
using System.Threading;
using DkCloud.Sdk.WebRtc.Audio.Dtmf;
using DkCloud.Sdk.WebRtc.Rtp;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>The receive side: RTP into the jitter buffer or the telephone-event receiver, and RFC 3550 statistics.</summary>
internal sealed partial class AudioMediaStream
{
    private RtpReceiveStatistics _receiveStatistics;
    private bool _haveRemoteSsrc;
    private uint _remoteSsrc;
    private long _expectedBefore;

    /// <summary>The SSRC of the far end's audio, or null before its first packet.</summary>
    public uint? RemoteSsrc
    {
        get { lock (_gate) { return _haveRemoteSsrc ? _remoteSsrc : null; } }
    }

    /// <summary>RFC 3550 statistics of the far end's current source, or null before its first audio packet.</summary>
    /// <remarks>The object is live and not thread-safe; read it for diagnostics only.</remarks>
    public RtpReceiveStatistics? ReceiveStatistics
    {
        get { lock (_gate) { return _haveRemoteSsrc ? _receiveStatistics : null; } }
    }

    /// <summary>Handles one received (decrypted) RTP packet.</summary>
    /// <returns>
    /// True when the packet belongs to this stream (its audio, CN or telephone-event payload type), even when the
    /// jitter buffer then drops it as late or duplicate; false otherwise.
    /// </returns>
    public bool ReceiveRtp(ReadOnlySpan<byte> packet)
        => RtpPacket.TryParse(packet, out RtpPacket rtp) && ReceiveRtp(rtp);

    /// <summary>Handles one received RTP packet already parsed by the transport.</summary>
    /// <returns>True when the packet belongs to this stream; see <see cref="ReceiveRtp(ReadOnlySpan{byte})"/>.</returns>
    public bool ReceiveRtp(RtpPacket rtp)
    {
        long arrival = _time.GetTimestamp();
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            bool telephoneEvent = _eventReceiver is not null && rtp.PayloadType == _settings.ReceiveTelephoneEventPayloadType;
            if (!telephoneEvent && rtp.PayloadType != _settings.ReceivePayloadType && rtp.PayloadType != _settings.ComfortNoisePayloadType)
            {
                return false;
            }

            // Events share the audio's sequence numbers, so they count for loss too.
            TrackSource(rtp.Ssrc);
            _receiveStatistics.Update(rtp.SequenceNumber, rtp.Timestamp, arrival, measureJitter: !telephoneEvent);
            Interlocked.Increment(ref _packetsReceived);
            if (telephoneEvent)
            {
                _eventReceiver!.Receive(rtp.Timestamp, rtp.Payload);
                return true;
            }

            _jitterBuffer.Push(rtp.Ssrc, rtp.SequenceNumber, rtp.Timestamp, rtp.PayloadType, rtp.Payload, arrival);
            return true;
        }
    }

    /// <summary>
    /// An RTCP report block about the far end's source (RFC 3550 §6.4.1), starting a new loss interval; null before
    /// its first audio packet.
    /// </summary>
    /// <param name="lastSenderReport">The middle 32 bits of the NTP time of its last sender report, or 0.</param>
    /// <param name="delaySinceLastSenderReport">Time since that report in 1/65536 s, or 0.</param>
    public RtcpReportBlock? CreateReportBlock(uint lastSenderReport, uint delaySinceLastSenderReport)
    {
        lock (_gate)
        {
            return _haveRemoteSsrc ? _receiveStatistics.CreateReportBlock(_remoteSsrc, lastSenderReport, delaySinceLastSenderReport) : null;
        }
    }

    private void TrackSource(uint ssrc)
    {
        if (_haveRemoteSsrc && ssrc != _remoteSsrc)
        {
            // A new sender (a transfer, a media server switching legs): its sequence numbers start afresh, so the
            // statistics do too; what the old one was expected to send stays counted. The jitter buffer starts over
            // on its own.
            _expectedBefore += _receiveStatistics.Expected;
            _receiveStatistics = new RtpReceiveStatistics(_settings.Decoder.ClockRate, _time.TimestampFrequency);
            _eventReceiver?.Flush();
        }

        _remoteSsrc = ssrc;
        _haveRemoteSsrc = true;
    }

    private void OnDigit(DtmfDigitEvent digit) => DigitReceived?.Invoke(digit);
}
