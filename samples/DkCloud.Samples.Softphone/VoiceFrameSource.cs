using System;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Media;

namespace DkCloud.Samples.Softphone;

/// <summary>
/// The voice the sample sends: a WAV file read by the library's <see cref="WavFileSource"/> (looping, stereo mixed
/// down) and brought to the media session's 8 kHz by its <see cref="PcmResampler"/>.
/// </summary>
internal sealed class VoiceFrameSource : IAudioFrameSource, IDisposable
{
    private readonly WavFileSource _file;
    private readonly PcmResampler? _resampler;
    private readonly short[] _input;

    public VoiceFrameSource(string path)
    {
        _file = new WavFileSource(path, loop: true);
        _input = new short[_file.SampleRate / 50];
        _resampler = _file.SampleRate == MediaSession.SampleRate ? null : new PcmResampler(_file.SampleRate, MediaSession.SampleRate);
    }

    public void Read(Span<short> frame)
    {
        _file.ReadFrame(_input);
        if (_resampler is null)
        {
            _input.AsSpan().CopyTo(frame);
        }
        else
        {
            _resampler.Process(_input, frame);
        }
    }

    public void Dispose() => _file.Dispose();
}
