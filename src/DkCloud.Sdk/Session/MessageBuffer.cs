using System;
using System.Buffers;

namespace DkCloud.Sdk.Session;

/// <summary>
/// Assembles one WebSocket message from its frames in an array rented from the shared pool, and never keeps more
/// than the configured limit: the moment one byte past the limit arrives the message is known to be too large,
/// however much more of it is still on the way, so an oversize message costs at most the limit in memory.
/// Not thread-safe: it belongs to the session's reader.
/// </summary>
internal sealed class MessageBuffer : IDisposable
{
    /// <summary>First size rented: the document's largest message is under 2 KB.</summary>
    public const int InitialBytes = 4096;

    private readonly int _limit;
    private byte[]? _array;
    private int _length;
    private bool _probing;

    public MessageBuffer(int limit)
    {
        _limit = limit;
    }

    /// <summary>The message so far; valid until <see cref="Clear"/>, which gives the array back to the pool.</summary>
    public ReadOnlyMemory<byte> Message => _array is null ? ReadOnlyMemory<byte>.Empty : new ReadOnlyMemory<byte>(_array, 0, _length);

    /// <summary>
    /// Where the socket writes the next part of the message; never empty. Once the message holds the limit this is
    /// no longer room but a place to learn whether more comes: anything written there makes it too large.
    /// </summary>
    public ArraySegment<byte> GetSpace()
    {
        var array = _array ??= ArrayPool<byte>.Shared.Rent(Math.Min(InitialBytes, _limit));
        var usable = Math.Min(array.Length, _limit);
        if (_length == usable && _length < _limit)
        {
            array = Grow(Math.Min(Math.Max(array.Length * 2, InitialBytes), _limit));
            usable = Math.Min(array.Length, _limit);
        }

        _probing = _length == _limit;
        return _probing
            ? new ArraySegment<byte>(array, 0, Math.Min(array.Length, InitialBytes))
            : new ArraySegment<byte>(array, _length, usable - _length);
    }

    /// <summary>
    /// A place to read the rest of a dropped message into, to throw it away: what is already rented, so discarding a
    /// long message costs no memory of its own.
    /// </summary>
    public ArraySegment<byte> GetDiscardSpace()
    {
        var array = _array ??= ArrayPool<byte>.Shared.Rent(Math.Min(InitialBytes, _limit));
        _probing = false;
        _length = 0;
        return new ArraySegment<byte>(array);
    }

    /// <summary>Counts what the socket wrote into the last space; false when that took the message past the limit.</summary>
    public bool Advance(int count)
    {
        if (_probing)
        {
            return count == 0;
        }

        _length += count;
        return true;
    }

    /// <summary>Forgets the message and gives the array back, so a session between messages holds none.</summary>
    public void Clear()
    {
        _length = 0;
        _probing = false;
        if (_array is { } array)
        {
            _array = null;
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    public void Dispose() => Clear();

    private byte[] Grow(int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(size);
        Buffer.BlockCopy(_array!, 0, larger, 0, _length);
        ArrayPool<byte>.Shared.Return(_array!);
        _array = larger;
        return larger;
    }
}
