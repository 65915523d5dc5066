using System;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>A cursor over one header value inside a message. Positions are offsets into the whole message.</summary>
internal ref struct SipValueReader
{
    private readonly ReadOnlySpan<byte> _message;
    private readonly int _end;

    /// <summary>Creates a reader over <paramref name="value"/> of <paramref name="message"/>.</summary>
    public SipValueReader(ReadOnlySpan<byte> message, SipSegment value)
    {
        _message = message;
        _end = value.End;
        Position = value.Start;
    }

    /// <summary>The offset of the next byte.</summary>
    public int Position { get; set; }

    /// <summary>True when the value is consumed.</summary>
    public readonly bool AtEnd => Position >= _end;

    /// <summary>The next byte; 0 at the end.</summary>
    public readonly byte Current => Position < _end ? _message[Position] : (byte)0;

    /// <summary>The message the positions refer to.</summary>
    public readonly ReadOnlySpan<byte> Message => _message;

    /// <summary>The bytes from the current position to the end of the value.</summary>
    public readonly ReadOnlySpan<byte> Remaining => _message.Slice(Position, Math.Max(0, _end - Position));

    /// <summary>Skips linear white space (folds included); true if any was skipped.</summary>
    public bool SkipLws()
    {
        int start = Position;
        while (Position < _end && SipSyntax.IsLws(_message[Position]))
        {
            Position++;
        }

        return Position > start;
    }

    /// <summary>Consumes <paramref name="b"/> if it is next.</summary>
    public bool TryRead(byte b)
    {
        if (Position < _end && _message[Position] == b)
        {
            Position++;
            return true;
        }

        return false;
    }

    /// <summary>Skips white space, then consumes <paramref name="b"/> if it is next; otherwise the position is unchanged.</summary>
    public bool TryReadSeparator(byte b)
    {
        int start = Position;
        SkipLws();
        if (TryRead(b))
        {
            SkipLws();
            return true;
        }

        Position = start;
        return false;
    }

    /// <summary>Reads 0 or more token characters.</summary>
    public SipSegment ReadToken()
    {
        int start = Position;
        while (Position < _end && SipSyntax.IsToken(_message[Position]))
        {
            Position++;
        }

        return new SipSegment(start, Position - start);
    }

    /// <summary>Reads a host name, IPv4 address or bracketed IPv6 reference (no port).</summary>
    public SipSegment ReadHost()
    {
        int start = Position;
        if (Current == (byte)'[')
        {
            while (Position < _end && _message[Position] != (byte)']')
            {
                Position++;
            }

            if (Position < _end)
            {
                Position++;
            }

            return new SipSegment(start, Position - start);
        }

        while (Position < _end && SipSyntax.IsHost(_message[Position]) && _message[Position] != (byte)':'
            && _message[Position] != (byte)'[' && _message[Position] != (byte)']')
        {
            Position++;
        }

        return new SipSegment(start, Position - start);
    }

    /// <summary>Reads a parameter value: a token or host (IPv6 references included).</summary>
    public SipSegment ReadGenericValue()
    {
        int start = Position;
        while (Position < _end && (SipSyntax.IsToken(_message[Position]) || _message[Position] == (byte)'['
            || _message[Position] == (byte)']' || _message[Position] == (byte)':'))
        {
            Position++;
        }

        return new SipSegment(start, Position - start);
    }

    /// <summary>Reads 0 or more digits.</summary>
    public SipSegment ReadDigits()
    {
        int start = Position;
        while (Position < _end && SipSyntax.IsDigit(_message[Position]))
        {
            Position++;
        }

        return new SipSegment(start, Position - start);
    }

    /// <summary>Reads a quoted string, quotes included; the current byte must be a double quote.</summary>
    /// <exception cref="SipParseException">No closing quote (<see cref="SipRejectReason.UnterminatedQuotedString"/>).</exception>
    public SipSegment ReadQuotedString()
    {
        int start = Position;
        Position++;
        while (Position < _end)
        {
            byte b = _message[Position];
            if (b == (byte)'\\')
            {
                Position += 2;
                continue;
            }

            Position++;
            if (b == (byte)'"')
            {
                return new SipSegment(start, Position - start);
            }
        }

        Position = _end;
        SipThrowHelper.Throw(SipRejectReason.UnterminatedQuotedString);
        return default;
    }

    /// <summary>Throws <paramref name="reason"/> unless only white space remains.</summary>
    public void ExpectEnd(SipRejectReason reason)
    {
        SkipLws();
        if (!AtEnd)
        {
            SipThrowHelper.Throw(reason);
        }
    }
}
