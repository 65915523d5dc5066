using System;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>Reads and writes the address attribute format shared by MAPPED-ADDRESS and the XOR-*-ADDRESS family.</summary>
internal static class StunAddressCodec
{
    /// <summary>Family octet for IPv4.</summary>
    public const byte FamilyIPv4 = 0x01;

    /// <summary>Family octet for IPv6.</summary>
    public const byte FamilyIPv6 = 0x02;

    /// <summary>True when <paramref name="value"/> has a known family and the matching length (8 or 20).</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> value)
    {
        if (value.Length < 4)
        {
            return false;
        }

        return (value[1] == FamilyIPv4 && value.Length == 8) || (value[1] == FamilyIPv6 && value.Length == 20);
    }

    /// <summary>Decodes an address attribute; XOR-obfuscated when <paramref name="transactionId"/> is not empty.</summary>
    /// <param name="value">A value that passed <see cref="IsWellFormed"/>.</param>
    /// <param name="transactionId">The 12-byte transaction id for XOR attributes; empty for MAPPED-ADDRESS.</param>
    public static IPEndPoint Decode(ReadOnlySpan<byte> value, ReadOnlySpan<byte> transactionId)
    {
        bool xor = !transactionId.IsEmpty;
        int port = BinaryPrimitives.ReadUInt16BigEndian(value.Slice(2));
        if (xor)
        {
            port ^= (int)(StunConstants.MagicCookie >> 16);
        }

        int addressLength = value[1] == FamilyIPv4 ? 4 : 16;
        byte[] address = value.Slice(4, addressLength).ToArray();
        if (xor)
        {
            Span<byte> mask = stackalloc byte[16];
            WriteXorMask(mask, transactionId);
            for (int i = 0; i < addressLength; i++)
            {
                address[i] ^= mask[i];
            }
        }

        return new IPEndPoint(new IPAddress(address), port);
    }

    /// <summary>Writes the value of an address attribute and returns its length (8 or 20).</summary>
    /// <param name="destination">Where the value goes.</param>
    /// <param name="endPoint">An IPv4 or IPv6 end point.</param>
    /// <param name="transactionId">The transaction id for XOR attributes; empty for MAPPED-ADDRESS.</param>
    public static int Encode(Span<byte> destination, IPEndPoint endPoint, ReadOnlySpan<byte> transactionId)
    {
        if (endPoint is null)
        {
            throw new ArgumentNullException(nameof(endPoint));
        }

        bool v4 = endPoint.AddressFamily == AddressFamily.InterNetwork;
        if (!v4 && endPoint.AddressFamily != AddressFamily.InterNetworkV6)
        {
            throw new ArgumentException("Only IPv4 and IPv6 addresses can be carried in STUN.", nameof(endPoint));
        }

        int addressLength = v4 ? 4 : 16;
        int length = 4 + addressLength;
        if (destination.Length < length)
        {
            throw new ArgumentException("Destination too small for the address attribute.", nameof(destination));
        }

        bool xor = !transactionId.IsEmpty;
        destination[0] = 0;
        destination[1] = v4 ? FamilyIPv4 : FamilyIPv6;
        int port = endPoint.Port;
        if (xor)
        {
            port ^= (int)(StunConstants.MagicCookie >> 16);
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), (ushort)port);
        Span<byte> address = destination.Slice(4, addressLength);
#if NET8_0_OR_GREATER
        if (!endPoint.Address.TryWriteBytes(address, out _))
        {
            throw new ArgumentException("The address could not be written.", nameof(endPoint));
        }
#else
        endPoint.Address.GetAddressBytes().CopyTo(address);
#endif
        if (xor)
        {
            Span<byte> mask = stackalloc byte[16];
            WriteXorMask(mask, transactionId);
            for (int i = 0; i < addressLength; i++)
            {
                address[i] ^= mask[i];
            }
        }

        return length;
    }

    private static void WriteXorMask(Span<byte> mask, ReadOnlySpan<byte> transactionId)
    {
        BinaryPrimitives.WriteUInt32BigEndian(mask, StunConstants.MagicCookie);
        transactionId.Slice(0, StunConstants.TransactionIdLength).CopyTo(mask.Slice(4));
    }
}
