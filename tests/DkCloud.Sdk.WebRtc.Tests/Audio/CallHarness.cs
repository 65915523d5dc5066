using System;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Codecs;
using DkCloud.Sdk.WebRtc.Srtp;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Audio;

/// <summary>
/// Two audio stacks joined by lossy links on one fake clock, advanced a millisecond at a time; optionally each packet
/// goes through SRTP (protect before the link, unprotect after it), as in a media session.
/// </summary>
internal sealed class CallHarness : IDisposable
{
    private readonly SrtpPair? _aliceToBob;
    private readonly SrtpPair? _bobToAlice;

    public CallHarness(string codec, IAudioSource aliceMic, IAudioSink bobSpeaker, LossyLink toBob, LossyLink toAlice, bool telephoneEvents = true, int micRate = 48000, int speakerRate = 48000)
        : this(
            Settings(codec, codec == "opus" ? (byte)111 : (byte)0, 0x1111, telephoneEvents, codec == "opus" ? 48000 : 8000),
            Settings(codec, codec == "opus" ? (byte)111 : (byte)0, 0x2222, telephoneEvents, codec == "opus" ? 48000 : 8000),
            aliceMic,
            bobSpeaker,
            toBob,
            toAlice,
            srtp: false,
            micRate,
            speakerRate)
    {
    }

    public CallHarness(AudioStreamSettings alice, AudioStreamSettings bob, IAudioSource aliceMic, IAudioSink bobSpeaker, LossyLink toBob, LossyLink toAlice, bool srtp, int micRate = 48000, int speakerRate = 48000)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        ToBob = toBob;
        ToAlice = toAlice;
        if (srtp)
        {
            _aliceToBob = new SrtpPair(1);
            _bobToAlice = new SrtpPair(2);
        }

        AliceMic = new SwitchableAudioSource(aliceMic, micRate);
        BobSpeaker = new SwitchableAudioSink(bobSpeaker, speakerRate);
        Alice = new AudioMediaStream(alice, AliceMic, new SwitchableAudioSink(new NullSink(speakerRate), speakerRate), p => ToBob.Send(Protect(_aliceToBob, p), NowMs), Time);
        Bob = new AudioMediaStream(bob, new SwitchableAudioSource(new SilenceSource(micRate), micRate), BobSpeaker, p => ToAlice.Send(Protect(_bobToAlice, p), NowMs), Time);
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
            ToBob.Deliver(NowMs, p => Receive(Bob, _aliceToBob, p));
            ToAlice.Deliver(NowMs, p => Receive(Alice, _bobToAlice, p));
        }
    }

    /// <summary>Sends a packet of a third party to Bob over Alice's link (and SRTP context).</summary>
    public void SendToBob(ReadOnlyMemory<byte> packet) => ToBob.Send(Protect(_aliceToBob, packet), NowMs);

    public void Dispose()
    {
        Alice.Dispose();
        Bob.Dispose();
        _aliceToBob?.Dispose();
        _bobToAlice?.Dispose();
    }

    private static ReadOnlyMemory<byte> Protect(SrtpPair? srtp, ReadOnlyMemory<byte> packet)
    {
        if (srtp is null)
        {
            return packet;
        }

        var buffer = new byte[packet.Length + 32];
        packet.CopyTo(buffer);
        Assert.Equal(SrtpStatus.Ok, srtp.Sender.ProtectRtp(buffer, packet.Length, out int length));
        return buffer.AsMemory(0, length);
    }

    private static void Receive(AudioMediaStream stream, SrtpPair? srtp, byte[] packet)
    {
        if (srtp is null)
        {
            stream.ReceiveRtp(packet);
            return;
        }

        Assert.Equal(SrtpStatus.Ok, srtp.Receiver.UnprotectRtp(packet, out int length));
        stream.ReceiveRtp(packet.AsSpan(0, length));
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
