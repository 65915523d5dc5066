using System;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Media;

namespace DkCloud.Samples.Softphone;

/// <summary>What the sample hears, written at 8 kHz by the library's <see cref="WavFileSink"/>.</summary>
internal sealed class RecordingFrameSink : IAudioFrameSink, IDisposable
{
    private readonly WavFileSink _file;
    private readonly object _gate = new();
    private bool _closed;

    public RecordingFrameSink(string path) => _file = new WavFileSink(path, MediaSession.SampleRate);

    /// <summary>Called on the media thread; a frame after <see cref="Dispose"/> is dropped.</summary>
    public void Write(ReadOnlySpan<short> frame)
    {
        lock (_gate)
        {
            if (!_closed)
            {
                _file.WriteFrame(frame);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            _file.Dispose();
        }
    }
}
