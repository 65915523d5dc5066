using System;
using System.Runtime.InteropServices;
using System.Threading;
using NAudio.CoreAudioApi;
using NAudio.Wave;

namespace DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

/// <summary>
/// A microphone on a WASAPI capture endpoint in shared mode: the device's thread delivers packets in the endpoint's
/// mix format into a <see cref="CaptureStream"/>, which the media thread reads as 20 ms mono frames at the provider's
/// rate. When the device stops with an error (unplugged, disabled, taken exclusively) the source raises
/// <see cref="Lost"/> and gives silence; nothing is thrown to the media thread.
/// </summary>
#if NET6_0_OR_GREATER
[System.Runtime.Versioning.SupportedOSPlatform("windows")]
#endif
internal sealed class WasapiAudioSource : IAudioSource, IWasapiStream
{
    private readonly MMDevice _endpoint;
    private readonly WasapiCapture _capture;
    private readonly CaptureStream _stream;
    private int _disposed;

    /// <summary>Opens and starts <paramref name="endpoint"/>, which the source then owns.</summary>
    public WasapiAudioSource(MMDevice endpoint, AudioDeviceInfo device, WindowsAudioDeviceOptions options)
    {
        _endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        Device = device ?? throw new ArgumentNullException(nameof(device));
        _capture = new WasapiCapture(endpoint, true, options.DeviceBufferMilliseconds);
        try
        {
            _stream = new CaptureStream(DeviceSampleFormat.FromWaveFormat(_capture.WaveFormat), options.SampleRate, options.CaptureQueueMilliseconds);
            _stream.Lost += OnStreamLost;
            _capture.DataAvailable += OnDataAvailable;
            _capture.RecordingStopped += OnRecordingStopped;
            _capture.StartRecording();
        }
        catch
        {
            _capture.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public event EventHandler? Lost;

    /// <inheritdoc/>
    public event EventHandler? Closed;

    /// <inheritdoc/>
    public AudioDeviceInfo Device { get; }

    /// <inheritdoc/>
    public int SampleRate => _stream.SampleRate;

    /// <summary>The conversion and queue, with their counters.</summary>
    public CaptureStream Stream => _stream;

    /// <inheritdoc/>
    public bool ReadFrame(Span<short> frame) => _stream.ReadFrame(frame);

    /// <inheritdoc/>
    public bool MarkLost(Exception reason) => _stream.MarkLost(reason);

    /// <summary>Stops capturing and releases the endpoint; waits for the device's thread to finish.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _capture.DataAvailable -= OnDataAvailable;
        _capture.RecordingStopped -= OnRecordingStopped;
        _stream.MarkLost(new ObjectDisposedException(nameof(WasapiAudioSource)));
        try
        {
            _capture.StopRecording();
            _capture.Dispose();
        }
        catch (COMException)
        {
            // The endpoint is gone; there is nothing left to release on it.
        }

        _endpoint.Dispose();
        Closed?.Invoke(this, EventArgs.Empty);
    }

    private void OnDataAvailable(object? sender, WaveInEventArgs e) => _stream.Deliver(e.Buffer.AsSpan(0, e.BytesRecorded));

    private void OnRecordingStopped(object? sender, StoppedEventArgs e)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        _stream.MarkLost(e.Exception ?? new InvalidOperationException("The capture device '" + Device.Name + "' stopped."));
    }

    private void OnStreamLost(object? sender, EventArgs e)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        try
        {
            Lost?.Invoke(this, EventArgs.Empty);
        }
        catch (Exception)
        {
            // The device's thread must never see a handler's failure.
        }
    }
}
