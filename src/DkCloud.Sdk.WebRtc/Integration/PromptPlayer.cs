using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Codecs;

namespace DkCloud.Sdk.WebRtc.Integration;

/// <summary>
/// Plays prompts to the agent's speaker at the audio pace (20 ms frames on the <see cref="TimeProvider"/>): a custom
/// https WAV file when it can be fetched and read, otherwise a built-in tone — an 800 Hz beep of 300 ms for an answered
/// call, three 450 Hz beeps (350 ms on, 350 ms off) for a hang-up.
/// </summary>
internal sealed class PromptPlayer
{
    /// <summary>The built-in answer beep's frequency.</summary>
    public const double AnswerBeep = 800;

    /// <summary>The built-in hang-up beeps' frequency.</summary>
    public const double HangupBeep = 450;

    private const int MaxPromptBytes = 4 * 1024 * 1024;
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(20);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly IAudioSink _speaker;
    private readonly TimeProvider _time;

    public PromptPlayer(IAudioSink speaker, TimeProvider time)
    {
        _speaker = speaker;
        _time = time;
    }

    /// <summary>Raised when a custom prompt could not be used and the built-in tone played instead.</summary>
    public event Action<string>? Fallback;

    /// <summary>Plays <paramref name="prompt"/>; completes when the last frame was written.</summary>
    public async Task PlayAsync(SoftphonePrompt prompt, Uri? custom, CancellationToken cancellationToken)
    {
        List<short[]>? frames = null;
        if (custom is not null)
        {
            try
            {
                frames = await FetchAsync(custom, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is HttpRequestException or IOException or InvalidDataException or ArgumentException or TaskCanceledException or NotSupportedException)
            {
                Fallback?.Invoke(prompt + " prompt " + custom.Host + ": " + error.Message);
            }
        }

        frames ??= BuiltIn(prompt, _speaker.SampleRate);
        await WriteAsync(frames, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Plays the keypad tones of <paramref name="digits"/>; completes when the last frame was written.</summary>
    public Task PlayKeypadAsync(string digits, CancellationToken cancellationToken) =>
        WriteAsync(KeypadTones.Frames(digits, _speaker.SampleRate), cancellationToken);

    /// <summary>The built-in prompt as 20 ms frames at <paramref name="sampleRate"/>.</summary>
    public static List<short[]> BuiltIn(SoftphonePrompt prompt, int sampleRate)
    {
        var frames = new List<short[]>();
        void Tone(double frequency, int count)
        {
            var generator = new ToneGenerator(frequency, sampleRate, 0.3);
            for (int i = 0; i < count; i++)
            {
                var frame = new short[AudioFrames.SamplesPerFrame(sampleRate)];
                generator.Fill(frame);
                frames.Add(frame);
            }
        }

        void Silence(int count)
        {
            for (int i = 0; i < count; i++)
            {
                frames.Add(new short[AudioFrames.SamplesPerFrame(sampleRate)]);
            }
        }

        if (prompt == SoftphonePrompt.Answer)
        {
            Tone(AnswerBeep, 15);
        }
        else
        {
            for (int beep = 0; beep < 3; beep++)
            {
                Tone(HangupBeep, 18);
                Silence(18);
            }
        }

        return frames;
    }

    private async Task<List<short[]>> FetchAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > MaxPromptBytes)
        {
            throw new InvalidDataException("The prompt is larger than " + MaxPromptBytes + " bytes.");
        }

        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        if (bytes.Length > MaxPromptBytes)
        {
            throw new InvalidDataException("The prompt is larger than " + MaxPromptBytes + " bytes.");
        }

        using var source = new WavFileSource(new MemoryStream(bytes));
        var input = new short[AudioFrames.SamplesPerFrame(source.SampleRate)];
        var resampler = source.SampleRate == _speaker.SampleRate ? null : new PcmResampler(source.SampleRate, _speaker.SampleRate);
        var frames = new List<short[]>();
        while (source.ReadFrame(input))
        {
            var frame = new short[AudioFrames.SamplesPerFrame(_speaker.SampleRate)];
            if (resampler is null)
            {
                input.AsSpan().CopyTo(frame);
            }
            else
            {
                resampler.Process(input, frame);
            }

            frames.Add(frame);
        }

        return frames;
    }

    private async Task WriteAsync(List<short[]> frames, CancellationToken cancellationToken)
    {
        foreach (var frame in frames)
        {
            _speaker.WriteFrame(frame);
            await Sip.Transport.SipDelay.WaitAsync(_time, FrameInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
