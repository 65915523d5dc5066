using System;
using DkCloud.Sdk.WebRtc.Rtp;

namespace DkCloud.Sdk.WebRtc.Audio.Dtmf;

/// <summary>
/// Reads RFC 4733 packets of one stream and reports each digit once, when its first end packet arrives: repeated end
/// packets and late continuations of the same event (same RTP timestamp) are ignored. When all end packets are lost,
/// the next event, or <see cref="Flush"/>, reports the digit with the last duration seen.
/// </summary>
/// <remarks>Not thread-safe; fed by the receive path.</remarks>
internal sealed class TelephoneEventReceiver
{
    private readonly int _clockRate;
    private readonly Action<DtmfDigitEvent> _onDigit;
    private bool _inEvent;
    private uint _timestamp;
    private char _digit;
    private int _duration;
    private bool _haveEnded;
    private uint _endedTimestamp;

    /// <summary>Creates a receiver for telephone-event at <paramref name="clockRate"/>.</summary>
    public TelephoneEventReceiver(int clockRate, Action<DtmfDigitEvent> onDigit)
    {
        if (clockRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(clockRate));
        }

        _clockRate = clockRate;
        _onDigit = onDigit ?? throw new ArgumentNullException(nameof(onDigit));
    }

    /// <summary>Handles one telephone-event packet.</summary>
    /// <returns>False when the payload is malformed or not a DTMF event.</returns>
    public bool Receive(uint rtpTimestamp, ReadOnlySpan<byte> payload)
    {
        if (!TelephoneEvent.TryRead(payload, out TelephoneEvent value) || !DtmfDigits.TryFromEventCode(value.EventCode, out char digit))
        {
            return false;
        }

        if (_haveEnded && rtpTimestamp == _endedTimestamp)
        {
            return true;
        }

        if (_inEvent && rtpTimestamp != _timestamp)
        {
            Report(endSeen: false);
        }

        if (!_inEvent)
        {
            _inEvent = true;
            _timestamp = rtpTimestamp;
            _digit = digit;
            _duration = 0;
        }

        _duration = Math.Max(_duration, value.Duration);
        if (value.End)
        {
            Report(endSeen: true);
        }

        return true;
    }

    /// <summary>Reports a digit whose end packets never came (call this when the stream goes quiet).</summary>
    public void Flush()
    {
        if (_inEvent)
        {
            Report(endSeen: false);
        }
    }

    private void Report(bool endSeen)
    {
        _inEvent = false;
        _haveEnded = true;
        _endedTimestamp = _timestamp;
        _onDigit(new DtmfDigitEvent(_digit, TimeSpan.FromMilliseconds(_duration * 1000.0 / _clockRate), endSeen));
    }
}
