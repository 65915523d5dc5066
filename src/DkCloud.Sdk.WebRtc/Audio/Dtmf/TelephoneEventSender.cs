using System;
using System.Collections.Generic;
using DkCloud.Sdk.WebRtc.Rtp;

namespace DkCloud.Sdk.WebRtc.Audio.Dtmf;

/// <summary>
/// Turns queued digits into RFC 4733 packets, one per 20 ms send tick: the first with the marker bit, then
/// continuations with growing duration, then the end packet three times (§2.5.1.4), all with the event's start
/// timestamp; a pause follows each digit. While it <see cref="IsActive"/>, the send path sends no audio (§2.5.1.2).
/// </summary>
/// <remarks>Not thread-safe for <see cref="TryWriteNext"/>; <see cref="Enqueue"/> may be called from any thread.</remarks>
internal sealed class TelephoneEventSender
{
    private const int EndRepeats = 3;
    private readonly object _gate = new();
    private readonly Queue<char> _pending = new();
    private readonly int _tickSpan;
    private readonly int _toneTicks;
    private readonly int _gapTicks;
    private char _digit;
    private int _ticksSent;
    private int _endsSent;
    private int _gapLeft;
    private bool _inEvent;

    /// <summary>Creates a sender.</summary>
    /// <param name="clockRate">The negotiated telephone-event clock rate (8000 or 48000).</param>
    /// <param name="toneDuration">How long each digit lasts; rounded up to 20 ms.</param>
    /// <param name="gap">The pause after each digit.</param>
    /// <param name="volume">Tone power in -dBm0 (0-63); 10 is a typical keypad.</param>
    public TelephoneEventSender(int clockRate, TimeSpan toneDuration, TimeSpan gap, byte volume = 10)
    {
        if (clockRate <= 0 || clockRate % 50 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(clockRate));
        }

        if (toneDuration < TimeSpan.FromMilliseconds(40) || toneDuration > TimeSpan.FromSeconds(5))
        {
            throw new ArgumentOutOfRangeException(nameof(toneDuration), "A digit lasts 40 ms to 5 s.");
        }

        if (volume > 63)
        {
            throw new ArgumentOutOfRangeException(nameof(volume));
        }

        ClockRate = clockRate;
        Volume = volume;
        _tickSpan = clockRate / 50;
        _toneTicks = (int)Math.Ceiling(toneDuration.TotalMilliseconds / 20);
        _gapTicks = (int)Math.Ceiling(gap.TotalMilliseconds / 20);
    }

    /// <summary>The telephone-event clock rate.</summary>
    public int ClockRate { get; }

    /// <summary>The volume sent, in -dBm0.</summary>
    public byte Volume { get; }

    /// <summary>True while a digit or its trailing pause is in progress, or digits wait.</summary>
    public bool IsActive
    {
        get
        {
            lock (_gate)
            {
                return _inEvent || _gapLeft > 0 || _pending.Count > 0;
            }
        }
    }

    /// <summary>True while packets of an event are being sent (audio must not be sent then).</summary>
    public bool IsSendingEvent => _inEvent;

    /// <summary>Queues digits to send.</summary>
    public void Enqueue(string digits)
    {
        if (digits is null)
        {
            throw new ArgumentNullException(nameof(digits));
        }

        foreach (char digit in digits)
        {
            if (!DtmfDigits.IsValid(digit))
            {
                throw new ArgumentException("Not a DTMF digit: " + digit, nameof(digits));
            }
        }

        lock (_gate)
        {
            foreach (char digit in digits)
            {
                _pending.Enqueue(digit);
            }
        }
    }

    /// <summary>
    /// Called once per 20 ms tick. When an event packet is due, writes its payload and says whether it carries the
    /// marker bit and whether it starts a new event (the caller then takes the current audio timestamp as the event's).
    /// </summary>
    /// <returns>False when no event packet is due this tick (send audio instead).</returns>
    public bool TryWriteNext(Span<byte> payload, out int length, out bool marker, out bool startsEvent)
    {
        length = 0;
        marker = false;
        startsEvent = false;
        lock (_gate)
        {
            if (!_inEvent)
            {
                if (_gapLeft > 0)
                {
                    _gapLeft--;
                    return false;
                }

                if (_pending.Count == 0)
                {
                    return false;
                }

                _digit = _pending.Dequeue();
                _inEvent = true;
                _ticksSent = 0;
                _endsSent = 0;
                startsEvent = true;
                marker = true;
            }

            bool end = _ticksSent + 1 >= _toneTicks;
            if (!end)
            {
                _ticksSent++;
            }
            else if (_endsSent == 0)
            {
                _ticksSent = _toneTicks;
            }

            int duration = Math.Min(ushort.MaxValue, _ticksSent * _tickSpan);
            length = new TelephoneEvent(DtmfDigits.ToEventCode(_digit), end, Volume, (ushort)duration).Write(payload);
            if (end)
            {
                _endsSent++;
                if (_endsSent == EndRepeats)
                {
                    _inEvent = false;
                    _gapLeft = _gapTicks;
                }
            }

            return true;
        }
    }
}
