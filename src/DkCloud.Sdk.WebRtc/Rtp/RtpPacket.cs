using System;
using System.Buffers.Binary;

namespace DkCloud.Sdk.WebRtc.Rtp;

/// <summary>An RTP packet (RFC 3550 section 5.1) read in place; <see cref="TryParse"/> checks every length first.</summary>
internal readonly ref struct RtpPacket
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _headerLength;
    private readonly int _paddingLength;

    private RtpPacket(ReadOnlySpan<byte> bytes, int headerLength, int paddingLength)
    {
        _bytes = bytes;
        _headerLength = headerLength;
        _paddingLength = paddingLength;
    }

    /// <summary>The version field (always 2 after a successful parse).</summary>
    public int Version => _bytes[0] >> 6;

    /// <summary>The P bit.</summary>
    public bool HasPadding => (_bytes[0] & 0x20) != 0;

    /// <summary>The X bit.</summary>
    public bool HasExtension => (_bytes[0] & 0x10) != 0;

    /// <summary>Number of CSRC identifiers.</summary>
    public int CsrcCount => _bytes[0] & 0x0F;

    /// <summary>The marker bit.</summary>
    public bool Marker => (_bytes[1] & 0x80) != 0;

    /// <summary>The 7-bit payload type.</summary>
    public byte PayloadType => (byte)(_bytes[1] & 0x7F);

    /// <summary>The sequence number.</summary>
    public ushort SequenceNumber => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Slice(2));

    /// <summary>The RTP timestamp.</summary>
    public uint Timestamp => BinaryPrimitives.ReadUInt32BigEndian(_bytes.Slice(4));

    /// <summary>The synchronisation source.</summary>
    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(_bytes.Slice(8));

    /// <summary>Header length: fixed part, CSRCs and extension.</summary>
    public int HeaderLength => _headerLength;

    /// <summary>Padding bytes at the end (the last byte's value when P is set).</summary>
    public int PaddingLength => _paddingLength;

    /// <summary>The payload, without padding.</summary>
    public ReadOnlySpan<byte> Payload => _bytes.Slice(_headerLength, _bytes.Length - _headerLength - _paddingLength);

    /// <summary>The extension's profile-defined 16 bits (0xBEDE one-byte, 0x100X two-byte), or 0 without an extension.</summary>
    public ushort ExtensionProfile => HasExtension ? BinaryPrimitives.ReadUInt16BigEndian(_bytes.Slice(12 + (4 * CsrcCount))) : (ushort)0;

    /// <summary>The extension data after its 4-byte header; empty without an extension.</summary>
    public ReadOnlySpan<byte> ExtensionData
    {
        get
        {
            if (!HasExtension)
            {
                return ReadOnlySpan<byte>.Empty;
            }

            int start = 12 + (4 * CsrcCount) + 4;
            return _bytes.Slice(start, _headerLength - start);
        }
    }

    /// <summary>Returns the CSRC at <paramref name="index"/> (0 to <see cref="CsrcCount"/> - 1).</summary>
    public uint GetCsrc(int index)
    {
        if ((uint)index >= (uint)CsrcCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return BinaryPrimitives.ReadUInt32BigEndian(_bytes.Slice(12 + (4 * index)));
    }

    /// <summary>Enumerates RFC 8285 header extension elements (none unless the profile is one-byte or two-byte).</summary>
    public RtpHeaderExtensionEnumerator GetHeaderExtensions() => new RtpHeaderExtensionEnumerator(ExtensionProfile, ExtensionData);

    /// <summary>Parses an RTP packet; false (never an exception) when the bytes are not a well-formed RTP version 2 packet.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out RtpPacket packet)
    {
        packet = default;
        if (bytes.Length < 12 || (bytes[0] >> 6) != 2)
        {
            return false;
        }

        int headerLength = 12 + (4 * (bytes[0] & 0x0F));
        if ((bytes[0] & 0x10) != 0)
        {
            if (bytes.Length < headerLength + 4)
            {
                return false;
            }

            headerLength += 4 + (4 * BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(headerLength + 2)));
        }

        if (headerLength > bytes.Length)
        {
            return false;
        }

        int padding = 0;
        if ((bytes[0] & 0x20) != 0)
        {
            padding = bytes[bytes.Length - 1];
            if (padding == 0 || padding > bytes.Length - headerLength)
            {
                return false;
            }
        }

        packet = new RtpPacket(bytes, headerLength, padding);
        return true;
    }
}
