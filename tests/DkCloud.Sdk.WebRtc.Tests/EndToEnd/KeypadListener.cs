using System;
using System.Text;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Audio.Dtmf;
using DkCloud.Sdk.WebRtc.Media;

namespace DkCloud.Sdk.WebRtc.Tests.EndToEnd;

/// <summary>An 8 kHz device that writes down the DTMF digits played on it.</summary>
internal sealed class KeypadListener : IAudioSink
{
    private readonly DtmfToneDetector _detector = new(MediaSession.SampleRate);
    private readonly StringBuilder _digits = new();
    private readonly object _gate = new();

    public int SampleRate => MediaSession.SampleRate;

    /// <summary>The digits heard so far, in order.</summary>
    public string Digits
    {
        get { lock (_gate) { return _digits.ToString(); } }
    }

    public void WriteFrame(ReadOnlySpan<short> frame)
    {
        lock (_gate)
        {
            char digit = _detector.Process(frame);
            if (digit != '\0')
            {
                _digits.Append(digit);
            }
        }
    }
}
