using System;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Codecs;
using DkCloud.Sdk.WebRtc.Sip.Transport;

namespace DkCloud.Sdk.WebRtc.Integration;

/// <summary>
/// Rings on a chosen device while a call rings on the extension: the Chinese ring cadence, 450 Hz for one second then
/// four seconds of silence, in 20 ms frames on the <see cref="TimeProvider"/>, until the call is answered or ends.
/// Ringing starts after a short delay, so legs the SDK picks up by itself never make a sound.
/// </summary>
internal sealed class Ringer
{
    /// <summary>The ring tone's frequency.</summary>
    public const double Frequency = 450;

    /// <summary>How long a call rings silently before the ringer sounds (time for an automatic answer).</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(600);

    private const int OnFrames = 50;
    private const int CycleFrames = 250;
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);
    private readonly IAudioSink _device;
    private readonly TimeProvider _time;

    public Ringer(IAudioSink device, TimeProvider time)
    {
        _device = device;
        _time = time;
    }

    /// <summary>Rings until <paramref name="stop"/> is cancelled.</summary>
    public async Task RingAsync(CancellationToken stop)
    {
        try
        {
            await SipDelay.WaitAsync(_time, Delay, stop).ConfigureAwait(false);
            var tone = new ToneGenerator(Frequency, _device.SampleRate, 0.25);
            var frame = new short[AudioFrames.SamplesPerFrame(_device.SampleRate)];
            for (long i = 0; !stop.IsCancellationRequested; i++)
            {
                if (i % CycleFrames < OnFrames)
                {
                    tone.Fill(frame);
                }
                else
                {
                    Array.Clear(frame, 0, frame.Length);
                }

                _device.WriteFrame(frame);
                await SipDelay.WaitAsync(_time, Frame, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Answered, refused or ended.
        }
    }
}
