using DkCloud.Sdk.WebRtc.Codecs;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Codecs;

/// <summary>A fact that needs native libopus; skipped, with the loader's reason, where the system has none.</summary>
public sealed class NativeOpusFactAttribute : FactAttribute
{
    public NativeOpusFactAttribute()
    {
        if (!OpusCodec.IsNativeAvailable)
        {
            Skip = "Native libopus did not load: " + OpusCodec.NativeLoadFailure;
        }
    }
}

/// <summary>A theory that needs native libopus; skipped, with the loader's reason, where the system has none.</summary>
public sealed class NativeOpusTheoryAttribute : TheoryAttribute
{
    public NativeOpusTheoryAttribute()
    {
        if (!OpusCodec.IsNativeAvailable)
        {
            Skip = "Native libopus did not load: " + OpusCodec.NativeLoadFailure;
        }
    }
}
