using System;
using System.Buffers.Binary;

namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>
/// Walks the attributes of a message that <see cref="StunMessage.Parse"/> accepted. Attributes after
/// MESSAGE-INTEGRITY other than MESSAGE-INTEGRITY-SHA256 and FINGERPRINT, and after MESSAGE-INTEGRITY-SHA256 other
/// than FINGERPRINT, are skipped, as RFC 8489 section 14.5 requires.
/// </summary>
internal ref struct StunAttributeEnumerator
{
    private readonly ReadOnlySpan<byte> _message;
    private int _next;
    private int _stage;
    private StunAttribute _current;

    /// <summary>Creates an enumerator over a validated message.</summary>
    public StunAttributeEnumerator(ReadOnlySpan<byte> message)
    {
        _message = message;
        _next = StunConstants.HeaderLength;
        _stage = 0;
        _current = default;
    }

    /// <summary>The current attribute.</summary>
    public readonly StunAttribute Current => _current;

    /// <summary>Returns this enumerator, for <c>foreach</c>.</summary>
    public readonly StunAttributeEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next visible attribute.</summary>
    public bool MoveNext()
    {
        while (_next + StunConstants.AttributeHeaderLength <= _message.Length)
        {
            int offset = _next;
            ushort type = BinaryPrimitives.ReadUInt16BigEndian(_message.Slice(offset));
            int length = BinaryPrimitives.ReadUInt16BigEndian(_message.Slice(offset + 2));
            _next = offset + StunConstants.AttributeHeaderLength + StunConstants.Pad(length);

            int stage = StageOf(type);
            if (stage < _stage && stage != 3)
            {
                continue;
            }

            if (stage > _stage)
            {
                _stage = stage;
            }

            _current = new StunAttribute(type, _message.Slice(offset + StunConstants.AttributeHeaderLength, length), offset);
            return true;
        }

        return false;
    }

    /// <summary>0 for ordinary attributes, 1 after MESSAGE-INTEGRITY, 2 after MESSAGE-INTEGRITY-SHA256, 3 FINGERPRINT.</summary>
    private static int StageOf(ushort type) => (StunAttributeType)type switch
    {
        StunAttributeType.MessageIntegrity => 1,
        StunAttributeType.MessageIntegritySha256 => 2,
        StunAttributeType.Fingerprint => 3,
        _ => 0,
    };
}
