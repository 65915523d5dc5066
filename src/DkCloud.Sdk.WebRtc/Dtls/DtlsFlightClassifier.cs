using System;
using System.Buffers.Binary;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>
/// Tells, from the records BouncyCastle writes between two waits, whether they start a new handshake flight or repeat
/// the last one (RFC 6347 section 4.2.4). A flight is new when it carries a handshake message with a higher
/// message_seq than any sent before (readable in epoch 0), or the first ChangeCipherSpec; the encrypted Finished
/// always travels after a ChangeCipherSpec, so it needs no reading. Alerts and application data belong to no flight.
/// </summary>
/// <remarks>Not thread-safe; the transport calls it under its send lock.</remarks>
internal sealed class DtlsFlightClassifier
{
    private const int RecordHeaderLength = 13;
    private const int HandshakeHeaderLength = 12;
    private const byte ChangeCipherSpec = 20;
    private const byte Handshake = 22;

    private int _highestMessageSeq = -1;
    private bool _changeCipherSpecSent;
    private bool _batchHasFlight;
    private bool _batchIsNew;

    /// <summary>Looks at one record BouncyCastle sent (a whole DTLS record: 13-byte header and fragment).</summary>
    public void Observe(ReadOnlySpan<byte> record)
    {
        if (record.Length < RecordHeaderLength)
        {
            return;
        }

        byte type = record[0];
        if (type == ChangeCipherSpec)
        {
            _batchHasFlight = true;
            if (!_changeCipherSpecSent)
            {
                _changeCipherSpecSent = true;
                _batchIsNew = true;
            }

            return;
        }

        if (type != Handshake)
        {
            return;
        }

        _batchHasFlight = true;
        ushort epoch = BinaryPrimitives.ReadUInt16BigEndian(record.Slice(3));
        ReadOnlySpan<byte> fragment = record.Slice(RecordHeaderLength);
        if (epoch != 0 || fragment.Length < HandshakeHeaderLength)
        {
            return;
        }

        int messageSeq = BinaryPrimitives.ReadUInt16BigEndian(fragment.Slice(4));
        if (messageSeq > _highestMessageSeq)
        {
            _highestMessageSeq = messageSeq;
            _batchIsNew = true;
        }
    }

    /// <summary>What the records observed since the last call were, and starts a new batch.</summary>
    public DtlsFlightKind TakeBatch()
    {
        DtlsFlightKind kind = !_batchHasFlight ? DtlsFlightKind.None : _batchIsNew ? DtlsFlightKind.New : DtlsFlightKind.Repeated;
        _batchHasFlight = false;
        _batchIsNew = false;
        return kind;
    }
}
