using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Codecs;
using DkCloud.Sdk.WebRtc.Media;
using DkCloud.Sdk.WebRtc.Sip.Transport;
using DkCloud.Sdk.WebRtc.Stun;

namespace DkCloud.Sdk.WebRtc.Integration;

/// <summary>
/// The checks of <see cref="WebRtcSoftphoneFactory.PreflightAsync"/>: half a second of the microphone (level, silence,
/// a constant level), a short quiet tone on the speaker, the SIP OPTIONS round trip, a STUN binding over UDP, and a
/// two-second call between two local media stacks whose MOS shows what this machine's audio path can do.
/// </summary>
internal sealed class SoftphonePreflight
{
    private const int MicrophoneFrames = 25;
    private const int SpeakerFrames = 10;
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan StunWait = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LoopbackSetup = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LoopbackTalk = TimeSpan.FromSeconds(2);
    private readonly IAudioSource? _microphone;
    private readonly IAudioSink? _speaker;
    private readonly IPEndPoint? _stunServer;
    private readonly bool _turnConfigured;
    private readonly TimeProvider _time;

    public SoftphonePreflight(IAudioSource? microphone, IAudioSink? speaker, IPEndPoint? stunServer, bool turnConfigured, TimeProvider time)
    {
        _microphone = microphone;
        _speaker = speaker;
        _stunServer = stunServer;
        _turnConfigured = turnConfigured;
        _time = time;
    }

    public async Task<SoftphonePreflightReport> RunAsync(ISoftphone? live, bool includeLoopbackCall, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var (microphoneWorks, level) = await CheckMicrophoneAsync(problems, cancellationToken).ConfigureAwait(false);
        var speakerWorks = await CheckSpeakerAsync(problems, cancellationToken).ConfigureAwait(false);
        TimeSpan? roundTrip = null;
        if (live is not null)
        {
            roundTrip = await live.ProbeAsync(cancellationToken).ConfigureAwait(false);
            if (roundTrip is null)
            {
                problems.Add("The SIP server did not answer an OPTIONS probe.");
            }
        }

        bool? udp = null;
        if (_stunServer is not null)
        {
            udp = await CheckUdpAsync(_stunServer, cancellationToken).ConfigureAwait(false);
            if (udp == false)
            {
                problems.Add("UDP to the STUN server " + _stunServer + " gets no answer: media needs a TURN relay" + (_turnConfigured ? "." : ", and none is configured."));
            }
        }

        string? codec = null;
        double? mos = null;
        if (includeLoopbackCall)
        {
            try
            {
                (codec, mos) = await LoopbackCallAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is TimeoutException or InvalidOperationException or FormatException or SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                problems.Add("A local test call failed: " + error.Message);
            }
        }

        return new SoftphonePreflightReport
        {
            Problems = problems,
            MicrophoneWorks = microphoneWorks,
            MicrophoneLevelDbfs = level,
            SpeakerWorks = speakerWorks,
            SignalingRoundTrip = roundTrip,
            UdpReachable = udp,
            TurnNeeded = udp is bool reachable ? !reachable : null,
            LoopbackCodec = codec,
            LoopbackMos = mos,
        };
    }

    private async Task<(bool Works, double? Level)> CheckMicrophoneAsync(List<string> problems, CancellationToken cancellationToken)
    {
        if (_microphone is null)
        {
            problems.Add("No microphone is configured (WebRtcSoftphoneFactory.Microphone).");
            return (false, null);
        }

        var frame = new short[AudioFrames.SamplesPerFrame(_microphone.SampleRate)];
        double energy = 0;
        long samples = 0;
        double quietest = double.MaxValue;
        double loudest = double.MinValue;
        for (int i = 0; i < MicrophoneFrames; i++)
        {
            if (_microphone.ReadFrame(frame))
            {
                double frameEnergy = 0;
                foreach (short sample in frame)
                {
                    frameEnergy += (double)sample * sample;
                }

                energy += frameEnergy;
                samples += frame.Length;
                double rms = Math.Sqrt(frameEnergy / frame.Length);
                quietest = Math.Min(quietest, rms);
                loudest = Math.Max(loudest, rms);
            }

            await SipDelay.WaitAsync(_time, Frame, cancellationToken).ConfigureAwait(false);
        }

        if (samples == 0)
        {
            problems.Add("The microphone gave no audio.");
            return (false, null);
        }

        double level = Dbfs(Math.Sqrt(energy / samples));
        if (level < -70)
        {
            problems.Add("The microphone is silent (muted, unplugged or without permission?).");
            return (false, level);
        }

        if (level > -60 && loudest - quietest < 0.5)
        {
            problems.Add("The microphone gives a constant level: a dead or stuck microphone?");
            return (false, level);
        }

        return (true, level);
    }

    private async Task<bool?> CheckSpeakerAsync(List<string> problems, CancellationToken cancellationToken)
    {
        if (_speaker is null)
        {
            problems.Add("No speaker is configured (WebRtcSoftphoneFactory.Speaker).");
            return false;
        }

        var tone = new ToneGenerator(1000, _speaker.SampleRate, 0.05);
        var frame = new short[AudioFrames.SamplesPerFrame(_speaker.SampleRate)];
        try
        {
            for (int i = 0; i < SpeakerFrames; i++)
            {
                tone.Fill(frame);
                _speaker.WriteFrame(frame);
                await SipDelay.WaitAsync(_time, Frame, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is ObjectDisposedException or InvalidOperationException or System.IO.IOException or ArgumentException)
        {
            problems.Add("The speaker refused audio: " + error.Message);
            return false;
        }

        return true;
    }

    private async Task<bool> CheckUdpAsync(IPEndPoint server, CancellationToken cancellationToken)
    {
        using var client = new StunBindingClient(new IPEndPoint(server.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0), _time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timer = _time.CreateTimer(static state => ((CancellationTokenSource)state!).Cancel(), wait, StunWait, Timeout.InfiniteTimeSpan);
        try
        {
            await client.BindAsync(server, wait.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception error) when (error is OperationCanceledException or TimeoutException or SocketException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<(string? Codec, double? Mos)> LoopbackCallAsync(CancellationToken cancellationToken)
    {
        MediaSessionOptions Options(double frequency) => new()
        {
            AddressFilter = IPAddress.IsLoopback,
            IncludeIPv6 = false,
            Source = new ToneFrameSource(frequency),
            RtcpInterval = TimeSpan.FromSeconds(1),
            Time = _time,
        };

        using var offerer = new MediaSession(Options(440));
        using var answerer = new MediaSession(Options(1000));
        string offer = await offerer.CreateOfferAsync(cancellationToken).ConfigureAwait(false);
        string answer = await answerer.CreateAnswerAsync(offer, cancellationToken).ConfigureAwait(false);
        offerer.ApplyAnswer(answer);
        try
        {
            await Task.WhenAll(offerer.WhenSecure, answerer.WhenSecure).WaitAsync(LoopbackSetup, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("ICE and DTLS between two local media stacks did not complete in " + LoopbackSetup.TotalSeconds + " s.");
        }

        await SipDelay.WaitAsync(_time, LoopbackTalk, cancellationToken).ConfigureAwait(false);
        var summary = answerer.GetQualitySummary();
        return (answerer.Codec, summary is { Samples: > 0 } ? summary.AverageMos : null);
    }

    private static double Dbfs(double rms) => rms <= 0 ? -120 : 20 * Math.Log10(rms / short.MaxValue);
}
