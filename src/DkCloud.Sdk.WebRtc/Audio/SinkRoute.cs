using System;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>One sink fed from frames at a fixed input rate, resampling when the sink's rate differs.</summary>
internal sealed class SinkRoute
{
    private readonly PcmResampler? _resampler;
    private readonly short[]? _scratch;

    /// <summary>Creates the route from frames at <paramref name="inputRate"/> to <paramref name="sink"/>.</summary>
    public SinkRoute(IAudioSink sink, int inputRate)
    {
        Sink = sink;
        if (sink.SampleRate != inputRate)
        {
            _resampler = new PcmResampler(inputRate, sink.SampleRate);
            _scratch = new short[AudioFrames.SamplesPerFrame(sink.SampleRate)];
        }
    }

    /// <summary>The sink written.</summary>
    public IAudioSink Sink { get; }

    /// <summary>Writes one frame given at the input rate.</summary>
    public void Write(ReadOnlySpan<short> frame)
    {
        if (_resampler is null)
        {
            Sink.WriteFrame(frame);
            return;
        }

        _resampler.Process(frame, _scratch);
        Sink.WriteFrame(_scratch);
    }
}
