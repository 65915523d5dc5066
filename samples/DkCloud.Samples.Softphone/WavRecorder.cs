using System;
using System.IO;
using System.Text;
using DkCloud.Sdk.WebRtc.Media;

namespace DkCloud.Samples.Softphone;

/// <summary>Writes what the call hears to an 8 kHz 16-bit mono WAV file; the header is completed on dispose.</summary>
internal sealed class WavRecorder : IAudioFrameSink, IDisposable
{
    private readonly BinaryWriter _writer;
    private readonly object _gate = new();
    private int _dataBytes;
    private bool _closed;

    public WavRecorder(string path)
    {
        _writer = new BinaryWriter(File.Create(path));
        WriteHeader();
    }

    public void Write(ReadOnlySpan<short> frame)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            foreach (short sample in frame)
            {
                _writer.Write(sample);
            }

            _dataBytes += frame.Length * 2;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            _writer.Seek(0, SeekOrigin.Begin);
            WriteHeader();
            _writer.Dispose();
        }
    }

    private void WriteHeader()
    {
        _writer.Write(Encoding.ASCII.GetBytes("RIFF"));
        _writer.Write(36 + _dataBytes);
        _writer.Write(Encoding.ASCII.GetBytes("WAVEfmt "));
        _writer.Write(16);
        _writer.Write((short)1);
        _writer.Write((short)1);
        _writer.Write(8000);
        _writer.Write(16000);
        _writer.Write((short)2);
        _writer.Write((short)16);
        _writer.Write(Encoding.ASCII.GetBytes("data"));
        _writer.Write(_dataBytes);
    }
}
