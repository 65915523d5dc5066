using System;
using System.Threading;
using DkCloud.Sdk.WebRtc.Audio;

namespace DkCloud.Sdk.WebRtc.Integration;

/// <summary>
/// The agent's speaker shared by calls and prompts: one writer at a time, and a speaker the application already
/// closed (a finished recording) drops frames instead of failing the media path.
/// </summary>
internal sealed class SerializedAudioSink : IAudioSink
{
    private readonly IAudioSink _inner;
    private readonly object _gate = new();
    private long _dropped;

    public SerializedAudioSink(IAudioSink inner) => _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    public int SampleRate => _inner.SampleRate;

    /// <summary>Frames dropped because the speaker was closed.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void WriteFrame(ReadOnlySpan<short> frame)
    {
        lock (_gate)
        {
            try
            {
                _inner.WriteFrame(frame);
            }
            catch (ObjectDisposedException)
            {
                Interlocked.Increment(ref _dropped);
            }
        }
    }
}
