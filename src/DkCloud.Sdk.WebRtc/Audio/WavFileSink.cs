using System;
using System.Buffers.Binary;
using System.IO;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>Records what the agent hears into a mono 16-bit PCM WAV file; the header's sizes are fixed on <see cref="Flush"/> and <see cref="Dispose"/>.</summary>
/// <remarks>One writer at a time.</remarks>
public sealed class WavFileSink : IAudioSink, IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _bytes;
    private readonly byte[] _header = new byte[WavHeader.CanonicalSize];
    private uint _dataLength;
    private bool _disposed;

    /// <summary>Creates (or overwrites) the WAV file at <paramref name="path"/>.</summary>
    public WavFileSink(string path, int sampleRate = 48000)
        : this(File.Create(path), sampleRate, leaveOpen: false)
    {
    }

    /// <summary>Writes WAV data to a writable, seekable <paramref name="stream"/> from its current start.</summary>
    public WavFileSink(Stream stream, int sampleRate = 48000, bool leaveOpen = false)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        if (!stream.CanWrite || !stream.CanSeek)
        {
            throw new ArgumentException("The stream must be writable and seekable.", nameof(stream));
        }

        AudioFrames.ValidateRate(sampleRate, nameof(sampleRate));
        SampleRate = sampleRate;
        _leaveOpen = leaveOpen;
        _bytes = new byte[AudioFrames.SamplesPerFrame(sampleRate) * 2];
        stream.Position = 0;
        stream.SetLength(0);
        WriteHeader();
    }

    /// <inheritdoc/>
    public int SampleRate { get; }

    /// <summary>Audio written so far.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds(_dataLength / 2.0 / SampleRate);

    /// <inheritdoc/>
    public void WriteFrame(ReadOnlySpan<short> frame)
    {
        AudioFrames.ValidateFrame(frame.Length, SampleRate, nameof(frame));
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(WavFileSink));
        }

        for (int i = 0; i < frame.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(_bytes.AsSpan(2 * i), frame[i]);
        }

        _stream.Write(_bytes, 0, frame.Length * 2);
        _dataLength += (uint)(frame.Length * 2);
    }

    /// <summary>Updates the header and flushes the stream, so the file is valid as it stands.</summary>
    public void Flush()
    {
        long end = _stream.Position;
        WriteHeader();
        _stream.Position = end;
        _stream.Flush();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Flush();
        _disposed = true;
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void WriteHeader()
    {
        WavHeader.WriteMono(_header, SampleRate, _dataLength);
        _stream.Position = 0;
        _stream.Write(_header, 0, _header.Length);
    }
}
