using System;
using System.Collections.Generic;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Audio.Dtmf;
using DkCloud.Sdk.WebRtc.Rtp;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Audio;

public class DtmfTests
{
    [Fact]
    public void SenderFollowsRfc4733PacketRules()
    {
        var sender = new TelephoneEventSender(8000, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(40));
        sender.Enqueue("5");
        var payload = new byte[4];
        var packets = new List<(TelephoneEvent Event, bool Marker, bool Starts)>();
        while (sender.TryWriteNext(payload, out int length, out bool marker, out bool starts))
        {
            Assert.Equal(4, length);
            Assert.True(TelephoneEvent.TryRead(payload, out TelephoneEvent value));
            packets.Add((value, marker, starts));
        }

        Assert.Equal(7, packets.Count);
        Assert.True(packets[0].Marker && packets[0].Starts);
        Assert.All(packets.GetRange(1, 6), p => Assert.False(p.Marker || p.Starts));
        Assert.All(packets, p => Assert.Equal(5, p.Event.EventCode));
        Assert.Equal(new ushort[] { 160, 320, 480, 640, 800, 800, 800 }, packets.ConvertAll(p => p.Event.Duration));
        Assert.Equal(3, packets.FindAll(p => p.Event.End).Count);
        Assert.True(packets[4].Event.End && !packets[3].Event.End);
        Assert.True(sender.IsActive, "the pause after the digit is still running");
    }

    [Fact]
    public void ReceiverReportsEachDigitOnceDespiteRepeatedEndPackets()
    {
        var digits = new List<DtmfDigitEvent>();
        var receiver = new TelephoneEventReceiver(8000, digits.Add);
        var payload = new byte[4];
        foreach ((char digit, uint timestamp) in new[] { ('8', 1000u), ('0', 3000u) })
        {
            for (int i = 1; i <= 5; i++)
            {
                new TelephoneEvent(DtmfDigits.ToEventCode(digit), i == 5, 10, (ushort)(i * 160)).Write(payload);
                Assert.True(receiver.Receive(timestamp, payload));
                Assert.True(receiver.Receive(timestamp, payload));
            }

            Assert.True(receiver.Receive(timestamp, payload));
        }

        Assert.Equal("80", string.Concat(digits.ConvertAll(d => d.Digit)));
        Assert.All(digits, d => Assert.Equal(TimeSpan.FromMilliseconds(100), d.Duration));
        Assert.All(digits, d => Assert.True(d.EndSeen));
    }

    [Fact]
    public void DigitWhoseEndPacketsWereLostIsClosedByTheNextEvent()
    {
        var digits = new List<DtmfDigitEvent>();
        var receiver = new TelephoneEventReceiver(8000, digits.Add);
        var payload = new byte[4];
        new TelephoneEvent(1, false, 10, 480).Write(payload);
        receiver.Receive(100, payload);
        new TelephoneEvent(2, true, 10, 800).Write(payload);
        receiver.Receive(2000, payload);

        Assert.Equal(2, digits.Count);
        Assert.Equal('1', digits[0].Digit);
        Assert.False(digits[0].EndSeen);
        Assert.Equal(TimeSpan.FromMilliseconds(60), digits[0].Duration);
        Assert.Equal('2', digits[1].Digit);
    }

    [Theory]
    [InlineData("opus")]
    [InlineData("PCMU")]
    public void Rfc4733RoundTripWithDuplicatedPackets(string codec)
    {
        var received = new List<DtmfDigitEvent>();
        using var call = new CallHarness(codec, new ToneSource(1000, 48000), new NullSink(48000), new LossyLink(3, 0, 5, 5, duplicate: 1.0), new LossyLink(4, 0, 5, 5));
        call.Bob.DigitReceived += received.Add;

        call.Run(TimeSpan.FromMilliseconds(200));
        call.Alice.SendDtmf("802#");
        call.Run(TimeSpan.FromSeconds(2));

        Assert.Equal("802#", string.Concat(received.ConvertAll(d => d.Digit)));
        Assert.All(received, d => Assert.Equal(TimeSpan.FromMilliseconds(100), d.Duration));
        Assert.All(received, d => Assert.True(d.EndSeen));
    }

    [Fact]
    public void InBandDigitsAreDetectedThroughTheCallWithoutTelephoneEvent()
    {
        var received = new List<DtmfDigitEvent>();
        using var call = new CallHarness("PCMU", new SilenceSource(48000), new NullSink(48000), new LossyLink(5, 0, 5, 5), new LossyLink(6, 0, 5, 5), telephoneEvents: false);
        call.Bob.DigitReceived += received.Add;

        call.Run(TimeSpan.FromMilliseconds(200));
        call.Alice.SendDtmf("802#");
        call.Run(TimeSpan.FromSeconds(2));

        Assert.Equal("802#", string.Concat(received.ConvertAll(d => d.Digit)));
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    [InlineData(48000)]
    public void EveryGeneratedDigitIsDetectedOnce(int sampleRate)
    {
        foreach (char digit in "0123456789*#ABCD")
        {
            var generator = new DtmfToneGenerator(digit, sampleRate);
            var detector = new DtmfToneDetector(sampleRate);
            var frame = new short[sampleRate / 50];
            var heard = new List<char>();
            for (int i = 0; i < 5; i++)
            {
                generator.Fill(frame);
                char result = detector.Process(frame);
                if (result != '\0')
                {
                    heard.Add(result);
                }
            }

            Assert.Equal(new[] { digit }, heard);
        }
    }

    [Fact]
    public void ASingleToneIsNotADigit()
    {
        var detector = new DtmfToneDetector(8000);
        var source = new ToneSource(1000, 8000);
        var frame = new short[160];
        for (int i = 0; i < 10; i++)
        {
            source.ReadFrame(frame);
            Assert.Equal('\0', detector.Process(frame));
        }
    }
}
