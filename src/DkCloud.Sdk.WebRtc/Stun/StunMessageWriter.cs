using System;
using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>
/// Writes a STUN message into a caller buffer. The header length field is kept current after every attribute, so
/// MESSAGE-INTEGRITY and FINGERPRINT are computed over exactly the bytes written before them.
/// </summary>
/// <remarks>Too small a buffer is a caller error and throws <see cref="ArgumentException"/>.</remarks>
internal ref struct StunMessageWriter
{
    private readonly Span<byte> _buffer;
    private readonly byte _paddingByte;
    private int _length;

    /// <summary>Starts a message: writes the header with an empty attribute section.</summary>
    /// <param name="buffer">Destination; at least 20 bytes.</param>
    /// <param name="method">The method (12 bits).</param>
    /// <param name="messageClass">The class.</param>
    /// <param name="transactionId">12 bytes, random for requests, copied from the request for responses.</param>
    /// <param name="paddingByte">The value written into padding bytes (0 is usual; RFC 5769 samples use 0x20).</param>
    public StunMessageWriter(Span<byte> buffer, StunMethod method, StunClass messageClass, ReadOnlySpan<byte> transactionId, byte paddingByte = 0)
    {
        if (buffer.Length < StunConstants.HeaderLength)
        {
            throw new ArgumentException("Buffer too small for a STUN header.", nameof(buffer));
        }

        if (transactionId.Length != StunConstants.TransactionIdLength)
        {
            throw new ArgumentException("A transaction id has 12 bytes.", nameof(transactionId));
        }

        _buffer = buffer;
        _paddingByte = paddingByte;
        BinaryPrimitives.WriteUInt16BigEndian(buffer, StunMessageType.Encode((ushort)method, messageClass));
        BinaryPrimitives.WriteUInt16BigEndian(buffer.Slice(2), 0);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.Slice(4), StunConstants.MagicCookie);
        transactionId.CopyTo(buffer.Slice(8));
        _length = StunConstants.HeaderLength;
    }

    /// <summary>Bytes written so far (the whole message once the last attribute is added).</summary>
    public readonly int Length => _length;

    /// <summary>The message written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer.Slice(0, _length);

    /// <summary>Adds an attribute with a raw value.</summary>
    public void AddAttribute(ushort type, ReadOnlySpan<byte> value)
    {
        Span<byte> destination = Reserve(type, value.Length);
        value.CopyTo(destination);
        Commit(value.Length);
    }

    /// <summary>Adds an attribute with a raw value.</summary>
    public void AddAttribute(StunAttributeType type, ReadOnlySpan<byte> value) => AddAttribute((ushort)type, value);

    /// <summary>Adds a zero-length attribute such as USE-CANDIDATE.</summary>
    public void AddFlag(StunAttributeType type) => AddAttribute((ushort)type, ReadOnlySpan<byte>.Empty);

    /// <summary>Adds a 32-bit attribute (PRIORITY, LIFETIME).</summary>
    public void AddUInt32(StunAttributeType type, uint value)
    {
        Span<byte> destination = Reserve((ushort)type, 4);
        BinaryPrimitives.WriteUInt32BigEndian(destination, value);
        Commit(4);
    }

    /// <summary>Adds a 64-bit attribute (ICE-CONTROLLED, ICE-CONTROLLING).</summary>
    public void AddUInt64(StunAttributeType type, ulong value)
    {
        Span<byte> destination = Reserve((ushort)type, 8);
        BinaryPrimitives.WriteUInt64BigEndian(destination, value);
        Commit(8);
    }

    /// <summary>Adds a UTF-8 text attribute (USERNAME, REALM, NONCE, SOFTWARE).</summary>
    public void AddString(StunAttributeType type, string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        AddAttribute((ushort)type, Encoding.UTF8.GetBytes(value));
    }

    /// <summary>Adds MAPPED-ADDRESS, ALTERNATE-SERVER (plain) or an XOR-*-ADDRESS attribute (obfuscated).</summary>
    public void AddAddress(StunAttributeType type, IPEndPoint endPoint)
    {
        if (endPoint is null)
        {
            throw new ArgumentNullException(nameof(endPoint));
        }

        bool xor = type != StunAttributeType.MappedAddress && type != StunAttributeType.AlternateServer;
        int length = endPoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 8 : 20;
        Span<byte> destination = Reserve((ushort)type, length);
        int written = StunAddressCodec.Encode(
            destination,
            endPoint,
            xor ? _buffer.Slice(8, StunConstants.TransactionIdLength) : Span<byte>.Empty);
        Commit(written);
    }

    /// <summary>Adds ERROR-CODE from a number in 300-699 and a reason phrase.</summary>
    public void AddErrorCode(int code, string reason)
    {
        if (code < 300 || code > 699)
        {
            throw new ArgumentOutOfRangeException(nameof(code), "STUN error codes are 300-699.");
        }

        byte[] text = Encoding.UTF8.GetBytes(reason ?? string.Empty);
        Span<byte> destination = Reserve((ushort)StunAttributeType.ErrorCode, 4 + text.Length);
        destination[0] = 0;
        destination[1] = 0;
        destination[2] = (byte)(code / 100);
        destination[3] = (byte)(code % 100);
        text.CopyTo(destination.Slice(4));
        Commit(4 + text.Length);
    }

    /// <summary>Adds UNKNOWN-ATTRIBUTES listing <paramref name="types"/>.</summary>
    public void AddUnknownAttributes(ReadOnlySpan<ushort> types)
    {
        Span<byte> destination = Reserve((ushort)StunAttributeType.UnknownAttributes, types.Length * 2);
        for (int i = 0; i < types.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(i * 2), types[i]);
        }

        Commit(types.Length * 2);
    }

    /// <summary>Adds REQUESTED-TRANSPORT (protocol 17 = UDP).</summary>
    public void AddRequestedTransport(byte protocol)
    {
        Span<byte> destination = Reserve((ushort)StunAttributeType.RequestedTransport, 4);
        destination[0] = protocol;
        destination.Slice(1, 3).Clear();
        Commit(4);
    }

    /// <summary>Adds CHANNEL-NUMBER.</summary>
    public void AddChannelNumber(ushort channel)
    {
        Span<byte> destination = Reserve((ushort)StunAttributeType.ChannelNumber, 4);
        BinaryPrimitives.WriteUInt16BigEndian(destination, channel);
        destination.Slice(2, 2).Clear();
        Commit(4);
    }

    /// <summary>Adds MESSAGE-INTEGRITY (HMAC-SHA1 with <paramref name="key"/>).</summary>
    public void AddMessageIntegrity(ReadOnlySpan<byte> key) => AddIntegrity(StunAttributeType.MessageIntegrity, key, StunConstants.MessageIntegrityLength);

    /// <summary>Adds MESSAGE-INTEGRITY-SHA256, optionally truncated to 16-32 bytes in steps of four.</summary>
    public void AddMessageIntegritySha256(ReadOnlySpan<byte> key, int length = StunConstants.MessageIntegritySha256MaxLength)
    {
        if (length < StunConstants.MessageIntegritySha256MinLength || length > StunConstants.MessageIntegritySha256MaxLength || length % 4 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "MESSAGE-INTEGRITY-SHA256 is 16-32 bytes, a multiple of 4.");
        }

        AddIntegrity(StunAttributeType.MessageIntegritySha256, key, length);
    }

    /// <summary>Adds FINGERPRINT; it must be the last attribute.</summary>
    public void AddFingerprint()
    {
        int offset = _length;
        Span<byte> destination = Reserve((ushort)StunAttributeType.Fingerprint, 4);
        SetHeaderLength(offset + 8);
        BinaryPrimitives.WriteUInt32BigEndian(destination, StunCrc32.Fingerprint(_buffer.Slice(0, offset)));
        Commit(4);
    }

    private void AddIntegrity(StunAttributeType type, ReadOnlySpan<byte> key, int length)
    {
        int offset = _length;
        Span<byte> destination = Reserve((ushort)type, length);
        Span<byte> mac = stackalloc byte[StunHmac.MaxMacLength];
        var patched = (ushort)(offset - StunConstants.HeaderLength + StunConstants.AttributeHeaderLength + length);
        StunHmac.Compute(type == StunAttributeType.MessageIntegritySha256, key, _buffer.Slice(0, offset), patched, mac);
        mac.Slice(0, length).CopyTo(destination);
        Commit(length);
    }

    private readonly Span<byte> Reserve(ushort type, int valueLength)
    {
        if (valueLength > ushort.MaxValue)
        {
            throw new ArgumentException("Attribute value too long.", nameof(valueLength));
        }

        int needed = StunConstants.AttributeHeaderLength + StunConstants.Pad(valueLength);
        if (_buffer.Length - _length < needed)
        {
            throw new ArgumentException("Buffer too small for the STUN message.");
        }

        BinaryPrimitives.WriteUInt16BigEndian(_buffer.Slice(_length), type);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.Slice(_length + 2), (ushort)valueLength);
        return _buffer.Slice(_length + StunConstants.AttributeHeaderLength, needed - StunConstants.AttributeHeaderLength);
    }

    private void Commit(int valueLength)
    {
        int start = _length + StunConstants.AttributeHeaderLength;
        int padded = StunConstants.Pad(valueLength);
        _buffer.Slice(start + valueLength, padded - valueLength).Fill(_paddingByte);
        _length = start + padded;
        SetHeaderLength(_length);
    }

    private readonly void SetHeaderLength(int totalLength)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.Slice(2), (ushort)(totalLength - StunConstants.HeaderLength));
    }
}
