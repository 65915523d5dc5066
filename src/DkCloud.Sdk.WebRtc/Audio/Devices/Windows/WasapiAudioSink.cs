using System;
using System.Runtime.InteropServices;
using System.Threading;
using NAudio.CoreAudioApi;
using NAudio.Wave;

namespace DkCloud.Sdk.WebRtc.Audio.Devices.Windows;

/// <summary>
/// A speaker on a WASAPI render endpoint in shared mode: the media thread writes 20 ms mono frames at the provider's
/// rate into a <see cref="RenderStream"/>, which the device's thread pulls in the endpoint's mix format. When the
/// device stops with an error the sink raises <see cref="Lost"/> and discards what it is given; nothing is thrown to
/// the media thread.
/// </summary>
#if NET6_0_OR_GREATER
[System.Runtime.Versioning.SupportedOSPlatform("windows")]
#endif
internal sealed class WasapiAudioSink : IAudioSink, IWasapiStream
{
    private readonly MMDevice _endpoint;
    private readonly WasapiOut _output;
    private readonly RenderStream _stream;
    private int _disposed;

    /// <summary>Opens and starts <paramref name="endpoint"/>, which the sink then owns.</summary>
    public WasapiAudioSink(MMDevice endpoint, AudioDeviceInfo device, WindowsAudioDeviceOptions options)
    {
        _endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        Device = device ?? throw new ArgumentNullException(nameof(device));
        WaveFormat mixFormat;
        using (AudioClient client = endpoint.AudioClient)
        {
            mixFormat = client.MixFormat;
        }

        _stream = new RenderStream(options.SampleRate, mixFormat, options.RenderQueueMilliseconds);
        _stream.Lost += OnStreamLost;
        _output = new WasapiOut(endpoint, AudioClientShareMode.Shared, true, options.DeviceBufferMilliseconds);
        try
        {
            _output.PlaybackStopped += OnPlaybackStopped;
            _output.Init(_stream);
            _output.Play();
        }
        catch
        {
            _output.Dispose();
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
    public RenderStream Stream => _stream;

    /// <inheritdoc/>
    public void WriteFrame(ReadOnlySpan<short> frame) => _stream.WriteFrame(frame);

    /// <inheritdoc/>
    public bool MarkLost(Exception reason) => _stream.MarkLost(reason);

    /// <summary>Stops playing and releases the endpoint; waits for the device's thread to finish.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _output.PlaybackStopped -= OnPlaybackStopped;
        _stream.MarkLost(new ObjectDisposedException(nameof(WasapiAudioSink)));
        try
        {
            _output.Dispose();
        }
        catch (COMException)
        {
            // The endpoint is gone; there is nothing left to release on it.
        }

        _endpoint.Dispose();
        Closed?.Invoke(this, EventArgs.Empty);
    }

    private void OnPlaybackStopped(object? sender, StoppedEventArgs e)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        _stream.MarkLost(e.Exception ?? new InvalidOperationException("The render device '" + Device.Name + "' stopped."));
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
