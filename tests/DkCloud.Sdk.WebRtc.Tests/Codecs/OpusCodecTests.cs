using System;
using DkCloud.Sdk.WebRtc.Codecs;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Codecs;

public class OpusCodecTests
{
    [Fact]
    public void ToneSurvivesEncodeAndDecode()
    {
        var encoder = new OpusAudioEncoder(new OpusParameters());
        var decoder = new OpusAudioDecoder();
        var generator = new ToneGenerator(1000, 48000);
        var detector = new ToneDetector(1000, 48000, minimumDbfs: -10, minimumShareOfPower: 0.9);
        var frame = new short[960];
        var decoded = new short[5760];
        var payload = new byte[1275];
        int present = 0;
        for (int i = 0; i < 50; i++)
        {
            generator.Fill(frame);
            int length = encoder.Encode(frame, payload);
            Assert.InRange(length, 3, 1275);
            Assert.Equal(960, decoder.Decode(payload.AsSpan(0, length), decoded));
            if (i >= 2 && detector.IsPresent(decoded.AsSpan(0, 960)))
            {
                present++;
            }
        }

        Assert.Equal(48, present);
    }

    [Theory]
    [MemberData(nameof(OpusImplementationTests.Implementations), MemberType = typeof(OpusImplementationTests))]
    public void FecRecoversSingleLossesBetterThanConcealment(OpusImplementation implementation)
    {
        (double withFec, double withoutFec) = (ConcealedToneShare(useFec: true, implementation), ConcealedToneShare(useFec: false, implementation));

        Assert.True(withFec > 0.9, "FEC frames keep the tone: " + withFec);
        Assert.True(withFec > withoutFec, $"FEC {withFec} vs PLC {withoutFec}");
    }

    [Theory]
    [InlineData("minptime=10;useinbandfec=1;usedtx=1;maxaveragebitrate=20000;stereo=1;maxplaybackrate=16000", true, true, 20000, true, 16000)]
    [InlineData("useinbandfec=0; maxaveragebitrate=900000", false, false, 510000, false, 48000)]
    [InlineData(null, true, false, 32000, false, 48000)]
    [InlineData("garbage;=;maxaveragebitrate=abc", true, false, 32000, false, 48000)]
    public void FmtpShapesTheEncoder(string? fmtp, bool fec, bool dtx, int bitrate, bool stereo, int playback)
    {
        OpusParameters parameters = OpusParameters.Parse(fmtp);

        Assert.Equal(fec, parameters.UseInbandFec);
        Assert.Equal(dtx, parameters.UseDtx);
        Assert.Equal(bitrate, parameters.MaxAverageBitrate);
        Assert.Equal(stereo, parameters.Stereo);
        Assert.Equal(playback, parameters.MaxPlaybackRate);
        Assert.Equal(960, new OpusAudioEncoder(parameters).FrameSamples);
    }

    /// <summary>Every fifth frame is lost; returns the mean tone share of the frames put in their place.</summary>
    private static double ConcealedToneShare(bool useFec, OpusImplementation implementation)
    {
        var encoder = new OpusAudioEncoder(new OpusParameters { UseInbandFec = true, MaxAverageBitrate = 32000 }, expectedLossPercent: 20, implementation: implementation);
        var decoder = new OpusAudioDecoder(implementation);
        var generator = new ToneGenerator(1000, 48000);
        var detector = new ToneDetector(1000, 48000);
        var frame = new short[960];
        var output = new short[5760];
        var payloads = new byte[100][];
        for (int i = 0; i < payloads.Length; i++)
        {
            var payload = new byte[1275];
            generator.Fill(frame);
            int length = encoder.Encode(frame, payload);
            payloads[i] = payload.AsSpan(0, length).ToArray();
        }

        double share = 0;
        int concealed = 0;
        for (int i = 0; i < payloads.Length; i++)
        {
            if (i % 5 == 3 && i < payloads.Length - 1)
            {
                bool fec = decoder.Conceal(useFec ? payloads[i + 1] : ReadOnlySpan<byte>.Empty, output);
                Assert.Equal(useFec, fec);
                share += detector.Measure(output.AsSpan(0, 960)).ShareOfPower * Math.Min(1, detector.Measure(output.AsSpan(0, 960)).Amplitude / 0.5);
                concealed++;
            }
            else
            {
                decoder.Decode(payloads[i], output);
            }
        }

        return share / concealed;
    }
}
