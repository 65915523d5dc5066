using System;
using System.Buffers.Binary;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>Dictionary keys of STUN transaction ids.</summary>
internal static class IceKeys
{
    /// <summary>The 96-bit id as a value tuple.</summary>
    public static (ulong, uint) Of(ReadOnlySpan<byte> transactionId) =>
        (BinaryPrimitives.ReadUInt64BigEndian(transactionId), BinaryPrimitives.ReadUInt32BigEndian(transactionId.Slice(8)));
}
