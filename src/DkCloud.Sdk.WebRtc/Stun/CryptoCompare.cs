using System;
using System.Runtime.CompilerServices;

namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>Comparison of secrets in time that does not depend on where they differ.</summary>
internal static class CryptoCompare
{
    /// <summary>True when both spans have the same length and content; the time taken depends only on the length.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    public static bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
#if NET8_0_OR_GREATER
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(left, right);
#else
        if (left.Length != right.Length)
        {
            return false;
        }

        int accumulator = 0;
        for (int i = 0; i < left.Length; i++)
        {
            accumulator |= left[i] ^ right[i];
        }

        return accumulator == 0;
#endif
    }
}
