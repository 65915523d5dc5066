using System;
using System.Threading;

namespace DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

/// <summary>
/// The capture half of a device microphone, without the device: packets delivered from the device's thread are
/// converted into 20 ms frames and queued in a bounded buffer that <see cref="ReadFrame"/> drains. A frame is handed
/// out only when a whole one is queued, so a late packet costs one frame of silence rather than a click in every frame.
/// Once the device is lost the stream gives silence for ever and ignores further packets; nothing is thrown to either
/// thread.
/// </summary>
/// <remarks>
/// <see cref="Deliver"/> is called from the device's thread, <see cref="ReadFrame"/> from the media thread,
/// <see cref="MarkLost"/> from either or another; all may overlap.
/// </remarks>
internal sealed class CaptureStream : IAudioSource
{
    private readonly object _deviceGate = new();
    private readonly CaptureConverter _converter;
    private Exception? _lostReason;

    /// <summary>Creates the stream for a device in <paramref name="format"/>, giving frames at <paramref name="sampleRate"/>.</summary>
    /// <param name="format">The device's format.</param>
    /// <param name="sampleRate">Rate of the frames read.</param>
    /// <param name="capacityMilliseconds">Most audio queued; older audio is dropped beyond it. At least two frames are kept.</param>
    public CaptureStream(DeviceSampleFormat format, int sampleRate, int capacityMilliseconds)
    {
        _converter = new CaptureConverter(format, sampleRate);
        SampleRate = sampleRate;
        int frame = AudioFrames.SamplesPerFrame(sampleRate);
        Buffer = new BoundedSampleBuffer(Math.Max(2 * frame, (int)((long)sampleRate * Math.Max(0, capacityMilliseconds) / 1000)));
    }

    /// <summary>Raised once, on the thread that noticed it, when the device is lost.</summary>
    public event EventHandler? Lost;

    /// <inheritdoc/>
    public int SampleRate { get; }

    /// <summary>The device's format.</summary>
    public DeviceSampleFormat DeviceFormat => _converter.Format;

    /// <summary>The queue between the device and the media thread, with its counters.</summary>
    public BoundedSampleBuffer Buffer { get; }

    /// <summary>True once the device is lost.</summary>
    public bool IsLost => Volatile.Read(ref _lostReason) is not null;

    /// <summary>Why the device was lost, or null.</summary>
    public Exception? LostReason => Volatile.Read(ref _lostReason);

    /// <summary>Takes one packet of device bytes; never throws.</summary>
    public void Deliver(ReadOnlySpan<byte> data)
    {
        if (IsLost)
        {
            return;
        }

        try
        {
            lock (_deviceGate)
            {
                _converter.Push(data, Buffer);
            }
        }
        catch (Exception e)
        {
            MarkLost(e);
        }
    }

    /// <inheritdoc/>
    /// <returns>True when the frame holds captured audio; false (and silence) when none is queued or the device is lost.</returns>
    public bool ReadFrame(Span<short> frame)
    {
        AudioFrames.ValidateFrame(frame.Length, SampleRate, nameof(frame));
        if (IsLost)
        {
            frame.Clear();
            return false;
        }

        return Buffer.TryReadExactly(frame);
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
