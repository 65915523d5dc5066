using System;

namespace DkCloud.Sdk.WebRtc.Rtp;

/// <summary>
/// Walks RFC 8285 one-byte (profile 0xBEDE) or two-byte (0x100X) header extension elements, skipping padding bytes.
/// Stops at id 15 in the one-byte form and at an element that would run past the data.
/// </summary>
internal ref struct RtpHeaderExtensionEnumerator
{
    /// <summary>The one-byte header profile value.</summary>
    public const ushort OneByteProfile = 0xBEDE;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _form;
    private int _offset;
    private RtpHeaderExtension _current;

    /// <summary>Creates the enumerator for an extension's profile value and data.</summary>
    public RtpHeaderExtensionEnumerator(ushort profile, ReadOnlySpan<byte> data)
    {
        _data = data;
        _form = profile == OneByteProfile ? 1 : (profile & 0xFFF0) == 0x1000 ? 2 : 0;
        _offset = 0;
        _current = default;
    }

    /// <summary>The current element.</summary>
    public readonly RtpHeaderExtension Current => _current;

    /// <summary>Returns this enumerator, for <c>foreach</c>.</summary>
    public readonly RtpHeaderExtensionEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next element.</summary>
    public bool MoveNext()
    {
        if (_form == 0)
        {
            return false;
        }

        while (_offset < _data.Length)
        {
            byte first = _data[_offset];
            if (first == 0)
            {
                _offset++;
                continue;
            }

            int id;
            int length;
            int start;
            if (_form == 1)
            {
                id = first >> 4;
                if (id == 15)
                {
                    _offset = _data.Length;
                    return false;
                }

                length = (first & 0x0F) + 1;
                start = _offset + 1;
            }
            else
            {
                if (_offset + 2 > _data.Length)
                {
                    _offset = _data.Length;
                    return false;
                }

                id = first;
                length = _data[_offset + 1];
                start = _offset + 2;
            }

            if (start + length > _data.Length)
            {
                _offset = _data.Length;
                return false;
            }

            _current = new RtpHeaderExtension(id, _data.Slice(start, length));
            _offset = start + length;
            return true;
        }

        return false;
    }
}
