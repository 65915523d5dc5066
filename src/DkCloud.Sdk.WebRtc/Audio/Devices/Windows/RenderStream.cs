using System;
using System.Threading;
using NAudio.Wave;

namespace DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

/// <summary>
/// The render half of a device speaker, without the device: 20 ms frames of mono 16-bit PCM written by the media
/// thread are resampled to the device rate and queued in a bounded buffer (the oldest audio is dropped when it is
/// full, so the delay stays bounded); the device's thread pulls them through <see cref="Read"/> in its own format,
/// with silence for whatever is missing. <see cref="Read"/> always fills the whole request, so the device never
/// takes the stream for finished. Once the device is lost, frames are accepted and discarded; nothing is thrown.
/// </summary>
/// <remarks>
/// <see cref="WriteFrame"/> is called from the media thread, <see cref="Read"/> from the device's thread,
/// <see cref="MarkLost"/> from either or another; all may overlap.
/// </remarks>
internal sealed class RenderStream : IAudioSink, IWaveProvider
{
    private readonly PcmResampler? _resampler;
    private readonly short[] _deviceFrame;
    private short[] _pulled = new short[1024];
    private Exception? _lostReason;
    private long _discarded;

    /// <summary>Creates the stream taking frames at <paramref name="sampleRate"/> for a device in <paramref name="deviceFormat"/>.</summary>
    /// <param name="sampleRate">Rate of the frames written.</param>
    /// <param name="deviceFormat">The device's wave format, handed back as <see cref="WaveFormat"/>.</param>
    /// <param name="capacityMilliseconds">Most audio queued; older audio is dropped beyond it. At least two device frames are kept.</param>
    public RenderStream(int sampleRate, WaveFormat deviceFormat, int capacityMilliseconds)
    {
        AudioFrames.ValidateRate(sampleRate, nameof(sampleRate));
        WaveFormat = deviceFormat ?? throw new ArgumentNullException(nameof(deviceFormat));
        DeviceFormat = DeviceSampleFormat.FromWaveFormat(deviceFormat);
        SampleRate = sampleRate;
        int deviceRate = DeviceFormat.SampleRate;
        _deviceFrame = new short[DeviceFormat.SamplesPerFrame];
        if (deviceRate != sampleRate)
        {
            _resampler = new PcmResampler(sampleRate, deviceRate);
        }

        Buffer = new BoundedSampleBuffer(Math.Max(2 * _deviceFrame.Length, (int)((long)deviceRate * Math.Max(0, capacityMilliseconds) / 1000)));
    }

    /// <summary>Raised once, on the thread that noticed it, when the device is lost.</summary>
    public event EventHandler? Lost;

    /// <inheritdoc/>
    public int SampleRate { get; }

    /// <summary>The device's wave format: what <see cref="Read"/> produces.</summary>
    public WaveFormat WaveFormat { get; }

    /// <summary>The device's format.</summary>
    public DeviceSampleFormat DeviceFormat { get; }

    /// <summary>The queue between the media thread and the device, in mono samples at the device rate, with its counters.</summary>
    public BoundedSampleBuffer Buffer { get; }

    /// <summary>Frames written after the device was lost, and discarded.</summary>
    public long FramesDiscarded => Interlocked.Read(ref _discarded);

    /// <summary>True once the device is lost.</summary>
    public bool IsLost => Volatile.Read(ref _lostReason) is not null;

    /// <summary>Why the device was lost, or null.</summary>
    public Exception? LostReason => Volatile.Read(ref _lostReason);

    /// <inheritdoc/>
    public void WriteFrame(ReadOnlySpan<short> frame)
    {
        AudioFrames.ValidateFrame(frame.Length, SampleRate, nameof(frame));
        if (IsLost)
        {
            Interlocked.Increment(ref _discarded);
            return;
        }

        if (_resampler is null)
        {
            Buffer.Write(frame);
            return;
        }

        _resampler.Process(frame, _deviceFrame);
        Buffer.Write(_deviceFrame);
    }

    /// <summary>Fills <paramref name="count"/> bytes (whole device blocks) of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
    /// <returns>The bytes filled: <paramref name="count"/> rounded down to whole blocks.</returns>
    public int Read(byte[] buffer, int offset, int count)
    {
        if (buffer is null)
        {
            throw new ArgumentNullException(nameof(buffer));
        }

        int blocks = Math.Max(0, Math.Min(count, buffer.Length - offset)) / DeviceFormat.BlockAlign;
        if (_pulled.Length < blocks)
        {
            _pulled = new short[blocks];
        }

        Span<short> samples = _pulled.AsSpan(0, blocks);
        if (IsLost)
        {
            samples.Clear();
        }
        else
        {
            Buffer.Read(samples);
        }

        int bytes = blocks * DeviceFormat.BlockAlign;
        InterleavedPcm.Upmix(samples, DeviceFormat, buffer.AsSpan(offset, bytes));
        return bytes;
    }

    /// <summary>Marks the device lost: what is queued is dropped, and <see cref="Lost"/> is raised the first time.</summary>
    /// <returns>True the first time.</returns>
    public bool MarkLost(Exception reason)
    {
        if (reason is null)
        {
            throw new ArgumentNullException(nameof(reason));
        }

        if (Interlocked.CompareExchange(ref _lostReason, reason, null) is not null)
        {
            return false;
        }

        Buffer.Clear();
        Lost?.Invoke(this, EventArgs.Empty);
        return true;
    }
}
