using System;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>One source read at a fixed output rate, resampling when the source's rate differs.</summary>
internal sealed class SourceRoute
{
    private readonly PcmResampler? _resampler;
    private readonly short[]? _scratch;

    /// <summary>Creates the route from <paramref name="source"/> to frames at <paramref name="outputRate"/>.</summary>
    public SourceRoute(IAudioSource source, int outputRate)
    {
        Source = source;
        if (source.SampleRate != outputRate)
        {
            _resampler = new PcmResampler(source.SampleRate, outputRate);
            _scratch = new short[AudioFrames.SamplesPerFrame(source.SampleRate)];
        }
    }

    /// <summary>The source read.</summary>
    public IAudioSource Source { get; }

    /// <summary>Reads one frame at the output rate.</summary>
    public bool Read(Span<short> frame)
    {
        if (_resampler is null)
        {
            return Source.ReadFrame(frame);
        }

        bool more = Source.ReadFrame(_scratch);
        _resampler.Process(_scratch, frame);
        return more;
    }
}
