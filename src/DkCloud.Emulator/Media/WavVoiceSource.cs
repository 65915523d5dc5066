using System;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Media;

namespace DkCloud.Emulator.Media;

/// <summary>A customer's voice from a WAV file (PCM 16-bit, any rate), looped and resampled to 8 kHz.</summary>
internal sealed class WavVoiceSource : IAudioFrameSource, IDisposable
{
    private readonly WavFileSource _file;
    private readonly PcmResampler? _resampler;
    private readonly short[] _input;

    public WavVoiceSource(string path)
    {
        _file = new WavFileSource(path, loop: true);
        _input = new short[_file.SampleRate / 50];
        _resampler = _file.SampleRate == MediaSession.SampleRate ? null : new PcmResampler(_file.SampleRate, MediaSession.SampleRate);
    }

    public void Read(Span<short> frame)
    {
        lock (_file)
        {
            if (!_file.ReadFrame(_input))
            {
                frame.Clear();
                return;
            }

            if (_resampler is null)
            {
                _input.AsSpan(0, frame.Length).CopyTo(frame);
            }
            else
            {
                _resampler.Process(_input, frame);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
