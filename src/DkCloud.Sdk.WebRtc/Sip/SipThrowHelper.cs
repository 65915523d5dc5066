using System.Runtime.CompilerServices;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>Throws <see cref="SipParseException"/> out of line so that parser loops stay small.</summary>
internal static class SipThrowHelper
{
    /// <summary>Throws a <see cref="SipParseException"/> for <paramref name="reason"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
#if NET6_0_OR_GREATER
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    [System.Diagnostics.StackTraceHidden]
#endif
    public static void Throw(SipRejectReason reason) => throw new SipParseException(reason);
}
