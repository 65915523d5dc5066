using System;
using System.Buffers.Binary;
using System.IO;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>
/// Plays a 16-bit PCM WAV file (mono, or stereo mixed down to mono) as a microphone, optionally looping. The file's
/// rate must be a multiple of 50 Hz (8, 16, 22.05, 44.1, 48 kHz…).
/// </summary>
/// <remarks>One reader at a time. Dispose closes the stream unless it was opened with leaveOpen.</remarks>
public sealed class WavFileSource : IAudioSource, IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly long _dataStart;
    private readonly long _dataLength;
    private readonly int _channels;
    private readonly byte[] _bytes;
    private long _position;
    private bool _disposed;

    /// <summary>Opens the WAV file at <paramref name="path"/>.</summary>
    public WavFileSource(string path, bool loop = false)
        : this(File.OpenRead(path), loop, leaveOpen: false)
    {
    }

    /// <summary>Reads WAV data from a seekable <paramref name="stream"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not 16-bit PCM WAV at a supported rate.</exception>
    public WavFileSource(Stream stream, bool loop = false, bool leaveOpen = false)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        if (!stream.CanRead || !stream.CanSeek)
        {
            throw new ArgumentException("The stream must be readable and seekable.", nameof(stream));
        }

        _leaveOpen = leaveOpen;
        Loop = loop;
        WavHeader header = WavHeader.Read(stream);
        SampleRate = header.SampleRate;
        _channels = header.Channels;
        _dataStart = header.DataStart;
        _dataLength = header.DataLength - (header.DataLength % (2 * _channels));
        _bytes = new byte[AudioFrames.SamplesPerFrame(SampleRate) * 2 * _channels];
        stream.Position = _dataStart;
    }

    /// <inheritdoc/>
    public int SampleRate { get; }

    /// <summary>True when the file starts over at its end.</summary>
    public bool Loop { get; }

    /// <summary>Length of the audio.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)_dataLength / (2 * _channels) / SampleRate);

    /// <inheritdoc/>
    public bool ReadFrame(Span<short> frame)
    {
        AudioFrames.ValidateFrame(frame.Length, SampleRate, nameof(frame));
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(WavFileSource));
        }

        int filled = 0;
        while (filled < frame.Length)
        {
            if (_position >= _dataLength)
            {
                if (!Loop || _dataLength == 0)
                {
                    break;
                }

                _position = 0;
                _stream.Position = _dataStart;
            }

            int wanted = (int)Math.Min((frame.Length - filled) * 2L * _channels, _dataLength - _position);
            int read = ReadFully(_bytes, wanted);
            if (read == 0)
            {
                _position = _dataLength;
                continue;
            }

            _position += read;
            int samples = read / (2 * _channels);
            for (int i = 0; i < samples; i++)
            {
                frame[filled + i] = MixDown(_bytes.AsSpan(i * 2 * _channels, 2 * _channels));
            }

            filled += samples;
        }

        frame.Slice(filled).Clear();
        return filled > 0;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private short MixDown(ReadOnlySpan<byte> sample)
    {
        if (_channels == 1)
        {
            return BinaryPrimitives.ReadInt16LittleEndian(sample);
        }

        int sum = 0;
        for (int c = 0; c < _channels; c++)
        {
            sum += BinaryPrimitives.ReadInt16LittleEndian(sample.Slice(2 * c));
        }

        return (short)(sum / _channels);
    }

    private int ReadFully(byte[] buffer, int count)
    {
        int total = 0;
        while (total < count)
        {
            int read = _stream.Read(buffer, total, count - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total - (total % (2 * _channels));
    }
}
