using System.Runtime.CompilerServices;

namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary>Throws <see cref="SdpParseException"/> out of line.</summary>
internal static class SdpThrowHelper
{
    /// <summary>Throws for <paramref name="reason"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
#if NET6_0_OR_GREATER
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    [System.Diagnostics.StackTraceHidden]
#endif
    public static void Throw(SdpRejectReason reason) => throw new SdpParseException(reason);

    /// <summary>Parses a decimal number no larger than <paramref name="max"/>, or throws <paramref name="reason"/>.</summary>
    public static ulong ParseNumber(string text, ulong max, SdpRejectReason reason)
    {
        if (!ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ulong value) || value > max)
        {
            Throw(reason);
        }

        return value;
    }
}
