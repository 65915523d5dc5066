using System;
using System.Security.Cryptography;
using System.Threading;
using DkCloud.Sdk.WebRtc.Rtp;
using DkCloud.Sdk.WebRtc.Sdp;
using DkCloud.Sdk.WebRtc.Srtp;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>Paced sending: one 20 ms G.711 frame per tick, RTP then SRTP then ICE.</summary>
internal sealed partial class MediaSession
{
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(20);
    private const int MaxCatchUpFrames = 5;
    private readonly uint _ssrc = RandomUInt32();
    private readonly string _cname = Guid.NewGuid().ToString("N").Substring(0, 16);
    private readonly object _sendGate = new();
    private readonly short[] _pcm = new short[FrameSamples];
    private readonly byte[] _packet = new byte[12 + FrameSamples + 64];
    private ushort _sequence = (ushort)RandomUInt32();
    private uint _timestamp = RandomUInt32();
    private ITimer? _timer;
    private long _startTimestamp;
    private long _framesDue;
    private bool _resumed = true;
    private volatile bool _muted;
    private volatile bool _sendAllowed = true;

    /// <summary>
    /// When true, the session keeps sending RTP at the same pace but the frames are digital silence (the source is
    /// not read), so the far end and any media relay keep seeing a live stream.
    /// </summary>
    public bool Muted
    {
        get => _muted;
        set => _muted = value;
    }

    /// <summary>Whether the negotiated direction lets us send (false on hold: remote sendonly or inactive).</summary>
    public bool IsSending => _sendAllowed;

    /// <summary>Our RTP SSRC.</summary>
    public uint Ssrc => _ssrc;

    private static uint RandomUInt32()
    {
        var bytes = new byte[4];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(bytes);
        }

        return BitConverter.ToUInt32(bytes, 0);
    }

    private void UpdateDirection(SdpDirection direction)
    {
        _localDirection = direction;
        bool allowed = direction is SdpDirection.SendRecv or SdpDirection.SendOnly;
        if (allowed && !_sendAllowed)
        {
            _resumed = true;
        }

        _sendAllowed = allowed;
    }

    private void StartSending()
    {
        lock (_gate)
        {
            if (_disposed || _timer is not null)
            {
                return;
            }

            _startTimestamp = _options.Time.GetTimestamp();
            _framesDue = 0;
            _timer = _options.Time.CreateTimer(_ => OnTick(), null, TimeSpan.Zero, FrameInterval);
        }
    }

    private void StopSending()
    {
        ITimer? timer;
        lock (_gate)
        {
            timer = _timer;
            _timer = null;
        }

        timer?.Dispose();
    }

    private void OnTick()
    {
        if (!Monitor.TryEnter(_sendGate))
        {
            return;
        }

        try
        {
            long due = (long)(_options.Time.GetElapsedTime(_startTimestamp).Ticks / FrameInterval.Ticks) + 1;
            if (due - _framesDue > MaxCatchUpFrames)
            {
                // Far behind (a stalled thread): skip the lost time instead of bursting; the timestamp still advances.
                _timestamp += (uint)((due - _framesDue - 1) * FrameSamples);
                _framesDue = due - 1;
            }

            while (_framesDue < due)
            {
                _framesDue++;
                SendFrame();
            }

            if (_sendAllowed)
            {
                SendRtcpWhenDue();
            }
        }
        finally
        {
            Monitor.Exit(_sendGate);
        }
    }

    private void SendFrame()
    {
        uint timestamp = _timestamp;
        _timestamp += FrameSamples;
        if (!_sendAllowed || PayloadType is not int payloadType)
        {
            return;
        }

        if (_muted)
        {
            _pcm.AsSpan().Clear();
        }
        else
        {
            _options.Source.Read(_pcm);
        }

        bool marker = _resumed;
        _resumed = false;
        int header = RtpHeaderWriter.Write(_packet, marker, (byte)payloadType, _sequence++, timestamp, _ssrc);
        int payload = G711.Encode(payloadType, _pcm, _packet.AsSpan(header));
        lock (_gate)
        {
            if (_disposed || _sendContext is null || _agent is null)
            {
                return;
            }

            if (_sendContext.ProtectRtp(_packet, header + payload, out int length) != SrtpStatus.Ok)
            {
                return;
            }

            _agent.Send(_packet.AsSpan(0, length));
        }

        Counters.OnSent(payload);
    }
}
