using System;

namespace DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

/// <summary>
/// Turns a capture device's interleaved bytes, in packets of any size, into the call's 20 ms frames of mono 16-bit
/// PCM: channels are averaged, every 20 ms at the device rate is resampled to the output rate with
/// <see cref="PcmResampler"/>, and each finished frame goes into a <see cref="BoundedSampleBuffer"/>. Bytes of a
/// sample split across two packets are kept until the rest arrives.
/// </summary>
/// <remarks>Not thread-safe: the device's capture thread is its only caller. No allocation after construction.</remarks>
internal sealed class CaptureConverter
{
    private readonly PcmResampler? _resampler;
    private readonly short[] _deviceFrame;
    private readonly short[] _outputFrame;
    private readonly byte[] _carry;
    private int _carryLength;
    private int _filled;

    /// <summary>Creates a converter from <paramref name="format"/> to frames at <paramref name="outputRate"/>.</summary>
    public CaptureConverter(DeviceSampleFormat format, int outputRate)
    {
        Format = format ?? throw new ArgumentNullException(nameof(format));
        AudioFrames.ValidateRate(outputRate, nameof(outputRate));
        OutputRate = outputRate;
        _deviceFrame = new short[format.SamplesPerFrame];
        _outputFrame = new short[AudioFrames.SamplesPerFrame(outputRate)];
        _carry = new byte[format.BlockAlign];
        if (format.SampleRate != outputRate)
        {
            _resampler = new PcmResampler(format.SampleRate, outputRate);
        }
    }

    /// <summary>The device's format.</summary>
    public DeviceSampleFormat Format { get; }

    /// <summary>Rate of the frames produced.</summary>
    public int OutputRate { get; }

    /// <summary>Frames produced so far.</summary>
    public long FramesProduced { get; private set; }

    /// <summary>Converts one packet; every 20 ms completed goes to <paramref name="target"/>.</summary>
    /// <returns>Frames written to <paramref name="target"/>.</returns>
    public int Push(ReadOnlySpan<byte> data, BoundedSampleBuffer target)
    {
        if (target is null)
        {
            throw new ArgumentNullException(nameof(target));
        }

        int blockAlign = Format.BlockAlign;
        int frames = 0;
        if (_carryLength > 0)
        {
            int take = Math.Min(blockAlign - _carryLength, data.Length);
            data.Slice(0, take).CopyTo(_carry.AsSpan(_carryLength));
            _carryLength += take;
            data = data.Slice(take);
            if (_carryLength < blockAlign)
            {
                return 0;
            }

            _carryLength = 0;
            frames += Consume(_carry, target);
        }

        int whole = data.Length - (data.Length % blockAlign);
        frames += Consume(data.Slice(0, whole), target);
        ReadOnlySpan<byte> rest = data.Slice(whole);
        rest.CopyTo(_carry);
        _carryLength = rest.Length;
        return frames;
    }

    /// <summary>Forgets partial samples, the unfinished frame and the resampler's history.</summary>
    public void Reset()
    {
        _carryLength = 0;
        _filled = 0;
        _resampler?.Reset();
    }

    private int Consume(ReadOnlySpan<byte> blocks, BoundedSampleBuffer target)
    {
        int blockAlign = Format.BlockAlign;
        int frames = 0;
        while (!blocks.IsEmpty)
        {
            int count = Math.Min(_deviceFrame.Length - _filled, blocks.Length / blockAlign);
            int bytes = count * blockAlign;
            InterleavedPcm.Downmix(blocks.Slice(0, bytes), Format, _deviceFrame.AsSpan(_filled));
            _filled += count;
            blocks = blocks.Slice(bytes);
            if (_filled == _deviceFrame.Length)
            {
                Emit(target);
                frames++;
            }
        }

        return frames;
    }

    private void Emit(BoundedSampleBuffer target)
    {
        _filled = 0;
        FramesProduced++;
        if (_resampler is null)
        {
            target.Write(_deviceFrame);
            return;
        }

        _resampler.Process(_deviceFrame, _outputFrame);
        target.Write(_outputFrame);
    }
}
