using System;
using System.Buffers.Binary;
using System.IO;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>The parts of a RIFF/WAVE header this SDK reads and writes: 16-bit PCM, one or two channels.</summary>
internal readonly struct WavHeader
{
    /// <summary>Size of the header <see cref="WriteMono"/> writes.</summary>
    public const int CanonicalSize = 44;

    private const ushort PcmFormat = 1;
    private const ushort ExtensibleFormat = 0xFFFE;

    private WavHeader(int sampleRate, int channels, long dataStart, long dataLength)
    {
        SampleRate = sampleRate;
        Channels = channels;
        DataStart = dataStart;
        DataLength = dataLength;
    }

    /// <summary>Samples per second.</summary>
    public int SampleRate { get; }

    /// <summary>1 or 2.</summary>
    public int Channels { get; }

    /// <summary>Offset of the first audio byte.</summary>
    public long DataStart { get; }

    /// <summary>Bytes of audio (clipped to what the stream holds).</summary>
    public long DataLength { get; }

    /// <summary>Reads the header from the start of <paramref name="stream"/>, leaving the position after the data chunk header.</summary>
    public static WavHeader Read(Stream stream)
    {
        Span<byte> chunk = stackalloc byte[12];
        stream.Position = 0;
        if (!ReadExactly(stream, chunk) || !IsTag(chunk, 0, "RIFF") || !IsTag(chunk, 8, "WAVE"))
        {
            throw new InvalidDataException("Not a RIFF/WAVE file.");
        }

        int sampleRate = 0;
        int channels = 0;
        bool haveFormat = false;
        Span<byte> format = stackalloc byte[16];
        while (ReadExactly(stream, chunk.Slice(0, 8)))
        {
            long size = BinaryPrimitives.ReadUInt32LittleEndian(chunk.Slice(4));
            long next = stream.Position + size + (size & 1);
            if (IsTag(chunk, 0, "fmt "))
            {
                if (size < 16 || !ReadExactly(stream, format))
                {
                    throw new InvalidDataException("The fmt chunk is truncated.");
                }

                ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(format);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(format.Slice(2));
                sampleRate = (int)BinaryPrimitives.ReadUInt32LittleEndian(format.Slice(4));
                int bits = BinaryPrimitives.ReadUInt16LittleEndian(format.Slice(14));
                if ((tag != PcmFormat && tag != ExtensibleFormat) || bits != 16 || channels < 1 || channels > 2)
                {
                    throw new InvalidDataException("Only 16-bit PCM WAV with one or two channels is supported.");
                }

                if (sampleRate <= 0 || sampleRate % 50 != 0 || sampleRate > 192000)
                {
                    throw new InvalidDataException("The sample rate must be a multiple of 50 Hz up to 192 kHz.");
                }

                haveFormat = true;
            }
            else if (IsTag(chunk, 0, "data"))
            {
                if (!haveFormat)
                {
                    throw new InvalidDataException("The data chunk comes before the fmt chunk.");
                }

                long start = stream.Position;
                long length = Math.Min(size, stream.Length - start);
                return new WavHeader(sampleRate, channels, start, length);
            }

            stream.Position = next;
        }

        throw new InvalidDataException("The WAV file has no data chunk.");
    }

    /// <summary>Writes a 44-byte mono 16-bit PCM header for <paramref name="dataLength"/> bytes of audio.</summary>
    public static void WriteMono(Span<byte> destination, int sampleRate, uint dataLength)
    {
        WriteTag(destination, 0, "RIFF");
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(4), dataLength + 36);
        WriteTag(destination, 8, "WAVE");
        WriteTag(destination, 12, "fmt ");
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(20), PcmFormat);
        BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(22), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(24), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(28), (uint)sampleRate * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(32), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(34), 16);
        WriteTag(destination, 36, "data");
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(40), dataLength);
    }

    private static bool ReadExactly(Stream stream, Span<byte> destination)
    {
        byte[] buffer = new byte[destination.Length];
        int total = 0;
        while (total < buffer.Length)
        {
            int read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                return false;
            }

            total += read;
        }

        buffer.CopyTo(destination);
        return true;
    }

    private static bool IsTag(ReadOnlySpan<byte> bytes, int offset, string tag)
    {
        for (int i = 0; i < 4; i++)
        {
            if (bytes[offset + i] != tag[i])
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteTag(Span<byte> destination, int offset, string tag)
    {
        for (int i = 0; i < 4; i++)
        {
            destination[offset + i] = (byte)tag[i];
        }
    }
}
