using System;
using System.Collections.Concurrent;
using System.Threading;
using DkCloud.Sdk.WebRtc.Audio.Dtmf;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>Counters for call quality, and in-band DTMF for peers without telephone-event.</summary>
internal sealed partial class AudioMediaStream
{
    private readonly ConcurrentQueue<char>? _inBandDigits;
    private readonly DtmfToneDetector _inBandDetector;
    private DtmfToneGenerator? _inBandTone;
    private int _inBandFramesLeft;
    private long _packetsSent;
    private long _packetsReceived;
    private double _inputEnergy;
    private long _inputSamples;
    private double _outputEnergy;
    private long _outputSamples;

    /// <summary>Cumulative counters for the quality monitor, read consistently.</summary>
    public AudioStreamCounters ReadCounters()
    {
        lock (_gate)
        {
            JitterBufferStatistics playout = _jitterBuffer.Statistics;
            return new AudioStreamCounters(
                Interlocked.Read(ref _packetsSent),
                Interlocked.Read(ref _packetsReceived),
                _expectedBefore + _receiveStatistics.Expected,
                _receiveStatistics.Jitter * 1000.0 / _settings.Decoder.ClockRate,
                playout.CurrentDelay,
                _inputEnergy,
                _inputSamples,
                _outputEnergy,
                _outputSamples,
                playout.Concealed + playout.ForwardErrorCorrected);
        }
    }

    private void RecordInput(short[] frame, bool haveAudio)
    {
        if (!haveAudio)
        {
            _inputSamples += frame.Length;
            return;
        }

        _inputEnergy += Energy(frame);
        _inputSamples += frame.Length;
    }

    private void RecordOutput(short[] frame)
    {
        _outputEnergy += Energy(frame);
        _outputSamples += frame.Length;
    }

    private static double Energy(short[] frame)
    {
        double sum = 0;
        for (int i = 0; i < frame.Length; i++)
        {
            double x = frame[i];
            sum += x * x;
        }

        return sum;
    }

    private void EnqueueInBand(string digits)
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

        foreach (char digit in digits)
        {
            _inBandDigits!.Enqueue(digit);
        }
    }

    private void MixInBandDigit(short[] frame)
    {
        if (_inBandDigits is null)
        {
            return;
        }

        int toneFrames = (int)Math.Ceiling(_settings.DtmfDuration.TotalMilliseconds / 20);
        int gapFrames = (int)Math.Ceiling(_settings.DtmfGap.TotalMilliseconds / 20);
        if (_inBandFramesLeft == 0 && _inBandDigits.TryDequeue(out char digit))
        {
            _inBandTone = new DtmfToneGenerator(digit, _settings.Encoder.SampleRate);
            _inBandFramesLeft = toneFrames + gapFrames;
        }

        if (_inBandFramesLeft == 0)
        {
            return;
        }

        // The tone replaces the voice for its duration; the gap after it is silence so the far end sees the end.
        if (_inBandFramesLeft > gapFrames)
        {
            _inBandTone!.Fill(frame);
        }
        else
        {
            Array.Clear(frame, 0, frame.Length);
        }

        _inBandFramesLeft--;
    }

    private void DetectInBandDigit(short[] frame)
    {
        if (_eventReceiver is not null)
        {
            return;
        }

        char digit = _inBandDetector.Process(frame);
        if (digit != '\0')
        {
            DigitReceived?.Invoke(new DtmfDigitEvent(digit, TimeSpan.FromMilliseconds(40), endSeen: false));
        }
    }
}
