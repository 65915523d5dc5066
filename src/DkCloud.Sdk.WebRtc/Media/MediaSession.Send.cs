using System;
using System.Security.Cryptography;
using System.Threading;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Sdp;
using DkCloud.Sdk.WebRtc.Srtp;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>
/// The 20 ms media clock: each due frame runs the audio stream once (capture, encode and send one frame, then play
/// one frame from the jitter buffer); what it sends goes through SRTP and ICE here. The ticks come from the
/// <see cref="MediaClock"/> every session on the same <see cref="MediaSessionOptions.Time"/> shares.
/// </summary>
internal sealed partial class MediaSession : IMediaClockMember
{
    private static readonly TimeSpan FrameInterval = MediaClock.FrameInterval;
    private const int MaxCatchUpFrames = 5;
    private const int RtpHeaderLength = 12;
    private readonly uint _ssrc = RandomUInt32();
    private readonly string _cname = Guid.NewGuid().ToString("N").Substring(0, 16);
    private readonly object _sendGate = new();

    // RTP header, the largest Opus payload (RFC 6716: 1275 bytes) and room for the SRTP tag.
    private readonly byte[] _packet = new byte[RtpHeaderLength + 1275 + 64];
    private MediaClock? _clock;
    private bool _clockStarted;
    private long _startTick;
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
            MediaClock? clock;
            long start;
            lock (_gate)
            {
                if (!_clockStarted)
                {
                    return 0;
                }

                clock = _clock;
                start = _startTick;
            }

            // Read outside the lock: a fake clock may run due timers when it is read.
            return clock is null ? 0 : Math.Max(0, clock.CurrentTick() - start);
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
        // The clock is read and joined outside the session's lock: a provider that runs due callbacks when it is read
        // (a fake clock) would otherwise run a tick here, on the handshake's thread, under the session's lock. Frames
        // count from the clock's next tick, so the first one goes once it has been captured, one interval after that.
        MediaClock clock = MediaClock.For(_options.Time);
        long start = clock.NextTick();
        lock (_gate)
        {
            if (_disposed || _clockStarted)
            {
                return;
            }

            _clockStarted = true;
            _clock = clock;
            _startTick = start;
            _framesDue = 0;
        }

        clock.Join(this);
        bool disposed;
        lock (_gate)
        {
            disposed = _disposed;
        }

        if (disposed)
        {
            // Disposed while joining: its StopSending may have come before the join.
            clock.Leave(this);
            return;
        }

        StartQuality();
    }

    private void StopSending()
    {
        MediaClock? clock;
        lock (_gate)
        {
            clock = _clock;
        }

        clock?.Leave(this);
    }

    /// <summary>
    /// Runs the frames due by the shared clock's tick <paramref name="tick"/>. Late ticks keep their meaning: up to
    /// <see cref="MaxCatchUpFrames"/> missed frames are sent at once; after a longer stall the lost time is skipped and
    /// the RTP timestamp still moves on by it.
    /// </summary>
    void IMediaClockMember.OnTick(long tick)
    {
        if (Volatile.Read(ref _disposed))
        {
            // Left the clock; a tick that had already started still came here.
            return;
        }

        if (!Monitor.TryEnter(_sendGate))
        {
            return;
        }

        long run;
        try
        {
            AudioMediaStream? stream = Volatile.Read(ref _stream);
            long due = tick - _startTick;
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
