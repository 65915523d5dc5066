using System;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>Digital silence.</summary>
internal sealed class SilenceFrameSource : IAudioFrameSource
{
    /// <summary>The shared instance.</summary>
    public static SilenceFrameSource Instance { get; } = new();

    /// <inheritdoc />
    public void Read(Span<short> frame) => frame.Clear();
}
