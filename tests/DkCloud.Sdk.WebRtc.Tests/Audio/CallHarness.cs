using System;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Codecs;
using Microsoft.Extensions.Time.Testing;

namespace DkCloud.Sdk.WebRtc.Tests.Audio;

/// <summary>Two audio stacks joined by lossy links on one fake clock, advanced a millisecond at a time.</summary>
internal sealed class CallHarness : IDisposable
{
    public CallHarness(string codec, IAudioSource aliceMic, IAudioSink bobSpeaker, LossyLink toBob, LossyLink toAlice, bool telephoneEvents = true, int micRate = 48000, int speakerRate = 48000)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        ToBob = toBob;
        ToAlice = toAlice;
        AliceMic = new SwitchableAudioSource(aliceMic, micRate);
        BobSpeaker = new SwitchableAudioSink(bobSpeaker, speakerRate);
        byte payloadType = codec == "opus" ? (byte)111 : (byte)0;
        int eventRate = codec == "opus" ? 48000 : 8000;
        Alice = new AudioMediaStream(Settings(codec, payloadType, 0x1111, telephoneEvents, eventRate), AliceMic, new SwitchableAudioSink(new NullSink(speakerRate), speakerRate), p => ToBob.Send(p, NowMs), Time);
        Bob = new AudioMediaStream(Settings(codec, payloadType, 0x2222, telephoneEvents, eventRate), new SwitchableAudioSource(new SilenceSource(micRate), micRate), BobSpeaker, p => ToAlice.Send(p, NowMs), Time);
        Alice.Start();
        Bob.Start();
    }

    public FakeTimeProvider Time { get; }

    public LossyLink ToBob { get; }

    public LossyLink ToAlice { get; }

    public SwitchableAudioSource AliceMic { get; }

    public SwitchableAudioSink BobSpeaker { get; }

    public AudioMediaStream Alice { get; }

    public AudioMediaStream Bob { get; }

    public long NowMs { get; private set; }

    public void Run(TimeSpan duration)
    {
        long end = NowMs + (long)duration.TotalMilliseconds;
        while (NowMs < end)
        {
            Time.Advance(TimeSpan.FromMilliseconds(1));
            NowMs++;
            ToBob.Deliver(NowMs, p => Bob.ReceiveRtp(p));
            ToAlice.Deliver(NowMs, p => Alice.ReceiveRtp(p));
        }
    }

    public void Dispose()
    {
        Alice.Dispose();
        Bob.Dispose();
    }

    private static AudioStreamSettings Settings(string codec, byte payloadType, uint ssrc, bool telephoneEvents, int eventRate)
        => new(AudioCodecFactory.CreateEncoder(codec, "useinbandfec=1"), AudioCodecFactory.CreateDecoder(codec), payloadType, ssrc)
        {
            TelephoneEventPayloadType = telephoneEvents ? (byte)101 : null,
            TelephoneEventClockRate = eventRate,
            InitialSequence = 65000,
            InitialTimestamp = 0xFFFF0000,
        };
}
