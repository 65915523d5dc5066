using System;
using System.Text;

namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>Which attributes this stack understands and what their values must look like.</summary>
internal static class StunAttributeRules
{
    private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

    /// <summary>True for comprehension-required types (0x0000-0x7FFF).</summary>
    public static bool IsComprehensionRequired(ushort type) => type < 0x8000;

    /// <summary>True for the attribute types this stack can interpret.</summary>
    public static bool IsKnown(ushort type)
    {
        switch ((StunAttributeType)type)
        {
            case StunAttributeType.MappedAddress:
            case StunAttributeType.Username:
            case StunAttributeType.MessageIntegrity:
            case StunAttributeType.ErrorCode:
            case StunAttributeType.UnknownAttributes:
            case StunAttributeType.ChannelNumber:
            case StunAttributeType.Lifetime:
            case StunAttributeType.XorPeerAddress:
            case StunAttributeType.Data:
            case StunAttributeType.Realm:
            case StunAttributeType.Nonce:
            case StunAttributeType.XorRelayedAddress:
            case StunAttributeType.RequestedTransport:
            case StunAttributeType.MessageIntegritySha256:
            case StunAttributeType.XorMappedAddress:
            case StunAttributeType.Priority:
            case StunAttributeType.UseCandidate:
            case StunAttributeType.Software:
            case StunAttributeType.AlternateServer:
            case StunAttributeType.Fingerprint:
            case StunAttributeType.IceControlled:
            case StunAttributeType.IceControlling:
                return true;
            default:
                return false;
        }
    }

    /// <summary>Checks a known attribute's value; returns null when it is acceptable (unknown types always are).</summary>
    public static StunParseError? Validate(ushort type, ReadOnlySpan<byte> value)
    {
        switch ((StunAttributeType)type)
        {
            case StunAttributeType.MappedAddress:
            case StunAttributeType.XorMappedAddress:
            case StunAttributeType.XorPeerAddress:
            case StunAttributeType.XorRelayedAddress:
            case StunAttributeType.AlternateServer:
                return StunAddressCodec.IsWellFormed(value) ? null : StunParseError.BadAttributeValue;
            case StunAttributeType.Username:
                return CheckText(value, StunConstants.MaxUsernameLength);
            case StunAttributeType.Realm:
            case StunAttributeType.Nonce:
            case StunAttributeType.Software:
                return CheckText(value, StunConstants.MaxTextLength);
            case StunAttributeType.MessageIntegrity:
                return value.Length == StunConstants.MessageIntegrityLength ? null : StunParseError.BadAttributeLength;
            case StunAttributeType.MessageIntegritySha256:
                return value.Length >= StunConstants.MessageIntegritySha256MinLength
                    && value.Length <= StunConstants.MessageIntegritySha256MaxLength
                    && value.Length % 4 == 0
                    ? null
                    : StunParseError.BadAttributeLength;
            case StunAttributeType.ErrorCode:
                return CheckErrorCode(value);
            case StunAttributeType.UnknownAttributes:
                return value.Length % 2 == 0 ? null : StunParseError.BadAttributeLength;
            case StunAttributeType.ChannelNumber:
            case StunAttributeType.Lifetime:
            case StunAttributeType.RequestedTransport:
            case StunAttributeType.Priority:
            case StunAttributeType.Fingerprint:
                return value.Length == 4 ? null : StunParseError.BadAttributeLength;
            case StunAttributeType.IceControlled:
            case StunAttributeType.IceControlling:
                return value.Length == 8 ? null : StunParseError.BadAttributeLength;
            case StunAttributeType.UseCandidate:
                return value.Length == 0 ? null : StunParseError.BadAttributeLength;
            default:
                return null;
        }
    }

    /// <summary>Decodes a text attribute already checked by <see cref="Validate"/>.</summary>
    public static string DecodeText(ReadOnlySpan<byte> value)
    {
#if NET8_0_OR_GREATER
        return StrictUtf8.GetString(value);
#else
        return StrictUtf8.GetString(value.ToArray());
#endif
    }

    private static StunParseError? CheckText(ReadOnlySpan<byte> value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            return StunParseError.BadAttributeLength;
        }

        return IsValidUtf8(value) ? null : StunParseError.BadAttributeValue;
    }

    private static StunParseError? CheckErrorCode(ReadOnlySpan<byte> value)
    {
        if (value.Length < 4 || value.Length > 4 + StunConstants.MaxTextLength)
        {
            return StunParseError.BadAttributeLength;
        }

        int errorClass = value[2] & 0x07;
        int number = value[3];
        if (errorClass < 3 || errorClass > 6 || number > 99)
        {
            return StunParseError.BadAttributeValue;
        }

        return IsValidUtf8(value.Slice(4)) ? null : StunParseError.BadAttributeValue;
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> value)
    {
        try
        {
#if NET8_0_OR_GREATER
            StrictUtf8.GetCharCount(value);
#else
            StrictUtf8.GetCharCount(value.ToArray());
#endif
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
