using System;
using System.Runtime.InteropServices;

namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>A native libopus encoder state, freed with <c>opus_encoder_destroy</c>.</summary>
internal sealed class OpusEncoderHandle : SafeHandle
{
    /// <summary>Creates an empty handle (P/Invoke fills it in).</summary>
    public OpusEncoderHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        OpusNative.opus_encoder_destroy(handle);
        return true;
    }
}
