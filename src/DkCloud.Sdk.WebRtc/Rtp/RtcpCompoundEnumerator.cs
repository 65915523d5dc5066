using System;
using System.Buffers.Binary;

namespace DkCloud.Sdk.WebRtc.Rtp;

/// <summary>
/// Walks the packets of an RTCP compound packet. <see cref="Validate"/> checks the whole compound first (RFC 3550
/// appendix A.2: version 2, lengths that add up exactly, padding only in the last packet); enumeration of a compound
/// that fails it stops at the first bad packet.
/// </summary>
internal ref struct RtcpCompoundEnumerator
{
    private readonly ReadOnlySpan<byte> _compound;
    private int _offset;
    private RtcpPacket _current;

    /// <summary>Creates the enumerator.</summary>
    public RtcpCompoundEnumerator(ReadOnlySpan<byte> compound)
    {
        _compound = compound;
        _offset = 0;
        _current = default;
    }

    /// <summary>The current packet.</summary>
    public readonly RtcpPacket Current => _current;

    /// <summary>Returns this enumerator, for <c>foreach</c>.</summary>
    public readonly RtcpCompoundEnumerator GetEnumerator() => this;

    /// <summary>True when <paramref name="compound"/> is a structurally valid compound RTCP packet.</summary>
    public static bool Validate(ReadOnlySpan<byte> compound)
    {
        if (compound.Length < 4)
        {
            return false;
        }

        int offset = 0;
        while (offset < compound.Length)
        {
            int length = PacketLength(compound, offset);
            if (length < 0)
            {
                return false;
            }

            bool last = offset + length == compound.Length;
            if ((compound[offset] & 0x20) != 0)
            {
                int padding = compound[offset + length - 1];
                if (!last || padding == 0 || padding > length - 4)
                {
                    return false;
                }
            }

            offset += length;
        }

        return true;
    }

    /// <summary>Moves to the next packet; false at the end or at a malformed packet.</summary>
    public bool MoveNext()
    {
        if (_offset >= _compound.Length)
        {
            return false;
        }

        int length = PacketLength(_compound, _offset);
        if (length < 0)
        {
            _offset = _compound.Length;
            return false;
        }

        _current = new RtcpPacket(_compound.Slice(_offset, length));
        _offset += length;
        return true;
    }

    private static int PacketLength(ReadOnlySpan<byte> compound, int offset)
    {
        if (compound.Length - offset < 4 || (compound[offset] >> 6) != 2)
        {
            return -1;
        }

        int length = 4 * (BinaryPrimitives.ReadUInt16BigEndian(compound.Slice(offset + 2)) + 1);
        return length <= compound.Length - offset ? length : -1;
    }
}
