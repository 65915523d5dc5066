using System;
using System.Runtime.InteropServices;

namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>A native libopus decoder state, freed with <c>opus_decoder_destroy</c>.</summary>
internal sealed class OpusDecoderHandle : SafeHandle
{
    /// <summary>Creates an empty handle (P/Invoke fills it in).</summary>
    public OpusDecoderHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        OpusNative.opus_decoder_destroy(handle);
        return true;
    }
}
