using System;
using System.Buffers.Binary;
using System.Net;

namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>Typed accessors and integrity checks.</summary>
internal readonly ref partial struct StunMessage
{
    /// <summary>Finds the first visible attribute of <paramref name="type"/>.</summary>
    public bool TryGetAttribute(StunAttributeType type, out ReadOnlySpan<byte> value)
    {
        foreach (StunAttribute attribute in GetAttributes())
        {
            if (attribute.Type == (ushort)type)
            {
                value = attribute.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>True when a visible attribute of <paramref name="type"/> is present (e.g. USE-CANDIDATE).</summary>
    public bool HasAttribute(StunAttributeType type) => TryGetAttribute(type, out _);

    /// <summary>Reads a text attribute (USERNAME, REALM, NONCE, SOFTWARE).</summary>
    public bool TryGetString(StunAttributeType type, out string value)
    {
        if (TryGetAttribute(type, out ReadOnlySpan<byte> raw))
        {
            value = StunAttributeRules.DecodeText(raw);
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Reads a 32-bit attribute (PRIORITY, LIFETIME, FINGERPRINT); REQUESTED-TRANSPORT and CHANNEL-NUMBER keep their RFFU bits.</summary>
    public bool TryGetUInt32(StunAttributeType type, out uint value)
    {
        if (TryGetAttribute(type, out ReadOnlySpan<byte> raw) && raw.Length == 4)
        {
            value = BinaryPrimitives.ReadUInt32BigEndian(raw);
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Reads a 64-bit attribute (ICE-CONTROLLED, ICE-CONTROLLING tie-breakers).</summary>
    public bool TryGetUInt64(StunAttributeType type, out ulong value)
    {
        if (TryGetAttribute(type, out ReadOnlySpan<byte> raw) && raw.Length == 8)
        {
            value = BinaryPrimitives.ReadUInt64BigEndian(raw);
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Reads an address attribute; XOR-* types are de-obfuscated with the cookie and transaction id.</summary>
    public bool TryGetAddress(StunAttributeType type, out IPEndPoint? endPoint)
    {
        if (!TryGetAttribute(type, out ReadOnlySpan<byte> raw))
        {
            endPoint = null;
            return false;
        }

        bool xor = type != StunAttributeType.MappedAddress && type != StunAttributeType.AlternateServer;
        endPoint = StunAddressCodec.Decode(raw, xor ? TransactionId : ReadOnlySpan<byte>.Empty);
        return true;
    }

    /// <summary>Reads ERROR-CODE as a number (300-699) and its reason phrase.</summary>
    public bool TryGetErrorCode(out int code, out string reason)
    {
        if (TryGetAttribute(StunAttributeType.ErrorCode, out ReadOnlySpan<byte> raw))
        {
            code = ((raw[2] & 0x07) * 100) + raw[3];
            reason = StunAttributeRules.DecodeText(raw.Slice(4));
            return true;
        }

        code = 0;
        reason = string.Empty;
        return false;
    }

    /// <summary>Reads the REQUESTED-TRANSPORT protocol number (17 for UDP).</summary>
    public bool TryGetRequestedTransport(out byte protocol)
    {
        if (TryGetAttribute(StunAttributeType.RequestedTransport, out ReadOnlySpan<byte> raw))
        {
            protocol = raw[0];
            return true;
        }

        protocol = 0;
        return false;
    }

    /// <summary>Reads the CHANNEL-NUMBER value (0x4000-0x4FFF for valid channels).</summary>
    public bool TryGetChannelNumber(out ushort channel)
    {
        if (TryGetAttribute(StunAttributeType.ChannelNumber, out ReadOnlySpan<byte> raw))
        {
            channel = BinaryPrimitives.ReadUInt16BigEndian(raw);
            return true;
        }

        channel = 0;
        return false;
    }

    /// <summary>Checks MESSAGE-INTEGRITY (HMAC-SHA1) with <paramref name="key"/>; false when absent or wrong.</summary>
    public bool VerifyMessageIntegrity(ReadOnlySpan<byte> key) => VerifyIntegrity(_integrityOffset, sha256: false, key);

    /// <summary>Checks MESSAGE-INTEGRITY-SHA256 (possibly truncated) with <paramref name="key"/>; false when absent or wrong.</summary>
    public bool VerifyMessageIntegritySha256(ReadOnlySpan<byte> key) => VerifyIntegrity(_integritySha256Offset, sha256: true, key);

    private bool VerifyIntegrity(int offset, bool sha256, ReadOnlySpan<byte> key)
    {
        if (offset < 0)
        {
            return false;
        }

        int macLength = BinaryPrimitives.ReadUInt16BigEndian(_bytes.Slice(offset + 2));
        ReadOnlySpan<byte> received = _bytes.Slice(offset + StunConstants.AttributeHeaderLength, macLength);
        var patchedLength = (ushort)(offset - StunConstants.HeaderLength + StunConstants.AttributeHeaderLength + macLength);
        Span<byte> mac = stackalloc byte[StunHmac.MaxMacLength];
        StunHmac.Compute(sha256, key, _bytes.Slice(0, offset), patchedLength, mac);
        return CryptoCompare.FixedTimeEquals(mac.Slice(0, macLength), received);
    }
}
