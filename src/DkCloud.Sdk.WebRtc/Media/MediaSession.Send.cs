using System;
using System.Security.Cryptography;
using System.Threading;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Sdp;
using DkCloud.Sdk.WebRtc.Srtp;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>
/// The 20 ms media clock: each due frame runs the audio stream once (capture, encode and send one frame, then play
/// one frame from the jitter buffer); what it sends goes through SRTP and ICE here.
/// </summary>
internal sealed partial class MediaSession
{
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(20);
    private const int MaxCatchUpFrames = 5;
    private const int RtpHeaderLength = 12;
    private readonly uint _ssrc = RandomUInt32();
    private readonly string _cname = Guid.NewGuid().ToString("N").Substring(0, 16);
    private readonly object _sendGate = new();

    // RTP header, the largest Opus payload (RFC 6716: 1275 bytes) and room for the SRTP tag.
    private readonly byte[] _packet = new byte[RtpHeaderLength + 1275 + 64];
    private ITimer? _timer;
    private bool _clockStarted;
    private long _startTimestamp;
    private long _framesDue;
    private long _framesRun;
    private volatile bool _sendAllowed = true;

    /// <summary>
    /// When true, the session keeps sending RTP at the same pace but the frames are digital silence, so the far end
    /// and any media relay keep seeing a live stream. Switching the microphone does not change it.
    /// </summary>
    public bool Muted
    {
        get { lock (_audioGate) { return _muted; } }

        set
        {
            lock (_audioGate)
            {
                _muted = value;
                if (_stream is not null)
                {
                    _stream.IsMuted = value;
                }
            }
        }
    }

    /// <summary>Whether the negotiated direction lets us send (false on hold: remote sendonly or inactive).</summary>
    public bool IsSending => _sendAllowed;

    /// <summary>Our RTP SSRC.</summary>
    public uint Ssrc => _ssrc;

    /// <summary>
    /// Frames the media clock has finished (sent, played and their digits raised, or skipped after a stall) since
    /// media became secure; it reaches <see cref="FramesDue"/> once every tick due by now has run.
    /// </summary>
    internal long FramesRun => Interlocked.Read(ref _framesRun);

    /// <summary>Frames due by now on the media clock (<see cref="MediaSessionOptions.Time"/>); 0 before media is secure.</summary>
    internal long FramesDue
    {
        get
        {
            lock (_gate)
            {
                if (!_clockStarted)
                {
                    return 0;
                }
            }

            // Read outside the lock: a fake clock may run due timers when it is read.
            return FramesElapsed();
        }
    }

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
        _sendAllowed = allowed;
        AudioMediaStream? stream = Volatile.Read(ref _stream);
        if (stream is not null)
        {
            stream.IsSending = allowed;
        }

        Volatile.Read(ref _monitor)?.ExpectPackets(direction is SdpDirection.SendRecv or SdpDirection.RecvOnly);
    }

    private void StartSending()
    {
        // The clock is read and the timer made outside the session's lock, and the timer is never due at once: a
        // provider that runs due callbacks when it is read or given a timer (a fake clock) would otherwise run the
        // tick here, on the handshake's thread, under the session's lock. The first frame goes once it has been
        // captured, one interval from now.
        long start = _options.Time.GetTimestamp();
        lock (_gate)
        {
            if (_disposed || _clockStarted)
            {
                return;
            }

            _clockStarted = true;
            _startTimestamp = start;
            _framesDue = 0;
        }

        ITimer? timer = _options.Time.CreateTimer(static state => ((MediaSession)state!).OnTick(), this, FrameInterval, FrameInterval);
        lock (_gate)
        {
            if (!_disposed)
            {
                _timer = timer;
                timer = null;
            }
        }

        timer?.Dispose();
        StartQuality();
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

        long run;
        try
        {
            AudioMediaStream? stream = Volatile.Read(ref _stream);
            long due = FramesElapsed();
            if (due - _framesDue > MaxCatchUpFrames)
            {
                // Far behind (a stalled thread): skip the lost time instead of bursting; the timestamp still advances.
                stream?.SkipFrames((int)(due - _framesDue - 1));
                _framesDue = due - 1;
            }

            while (_framesDue < due)
            {
                _framesDue++;
                stream?.Tick();
            }

            SendRtcpWhenDue(stream);
            run = _framesDue;
        }
        finally
        {
            Monitor.Exit(_sendGate);
        }

        RaiseDigits();
        Interlocked.Exchange(ref _framesRun, run);
    }

    /// <summary>Whole frames since the media clock started: each is sent once its 20 ms have been captured.</summary>
    private long FramesElapsed() => _options.Time.GetElapsedTime(_startTimestamp).Ticks / FrameInterval.Ticks;

    /// <summary>Takes an RTP packet from the audio stream (under its lock): SRTP, then ICE.</summary>
    private void SendRtp(ReadOnlyMemory<byte> rtp)
    {
        ReadOnlySpan<byte> packet = rtp.Span;
        lock (_gate)
        {
            if (_disposed || _sendContext is null || _agent is null || packet.Length > _packet.Length - 64)
            {
                return;
            }

            packet.CopyTo(_packet);
            if (_sendContext.ProtectRtp(_packet, packet.Length, out int length) != SrtpStatus.Ok)
            {
                return;
            }

            _agent.Send(_packet.AsSpan(0, length));
        }

        Counters.OnSent(packet.Length - RtpHeaderLength);
    }
}
