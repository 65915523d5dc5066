using System;
using DkCloud.Sdk.WebRtc.Audio;
using DkCloud.Sdk.WebRtc.Codecs;
using Xunit;
using Xunit.Abstractions;

namespace DkCloud.Sdk.WebRtc.Tests.Audio;

public class PcmResamplerTests
{
    private readonly ITestOutputHelper _output;

    public PcmResamplerTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>Signal-to-noise-and-distortion of a resampled 1 kHz tone: tone power over everything else.</summary>
    [Theory]
    [InlineData(48000, 8000, 80)]
    [InlineData(8000, 48000, 80)]
    [InlineData(16000, 48000, 80)]
    [InlineData(48000, 16000, 80)]
    [InlineData(44100, 48000, 80)]
    [InlineData(48000, 44100, 80)]
    public void ToneComesOutCleanAndAtFullLevel(int from, int to, double minimumSinadDb)
    {
        var resampler = new PcmResampler(from, to);
        var input = new short[from / 50];
        var output = new short[to / 50];
        double phaseStep = 2 * Math.PI * 1000 / from;
        double phase = 0;
        double sinad = 0;
        double level = 0;
        for (int frame = 0; frame < 20; frame++)
        {
            for (int i = 0; i < input.Length; i++)
            {
                input[i] = (short)Math.Round(16000 * Math.Sin(phase));
                phase += phaseStep;
            }

            resampler.Process(input, output);
            (sinad, level) = Measure(output, to);
        }

        _output.WriteLine($"{from} -> {to}: SINAD {sinad:F1} dB, level {level:F3}");
        Assert.True(sinad >= minimumSinadDb, $"SINAD {sinad:F1} dB");
        Assert.InRange(level, 0.98, 1.02);
    }

    [Fact]
    public void ToneAboveTheNewNyquistIsRemoved()
    {
        var resampler = new PcmResampler(48000, 8000);
        var generator = new ToneGenerator(6000, 48000, 0.5);
        var input = new short[960];
        var output = new short[160];
        for (int i = 0; i < 10; i++)
        {
            generator.Fill(input);
            resampler.Process(input, output);
        }

        double rms = 0;
        foreach (short s in output)
        {
            rms += (double)s * s;
        }

        rms = Math.Sqrt(rms / output.Length);
        Assert.True(20 * Math.Log10(rms / 16384) < -50, "alias level " + (20 * Math.Log10(rms / 16384)));
    }

    private static (double SinadDb, double Level) Measure(short[] output, int rate)
    {
        // Least-squares fit of a 1 kHz sine and cosine; the residual is noise plus distortion.
        double ss = 0, cc = 0, sc = 0, ys = 0, yc = 0;
        for (int i = 0; i < output.Length; i++)
        {
            double s = Math.Sin(2 * Math.PI * 1000 * i / rate);
            double c = Math.Cos(2 * Math.PI * 1000 * i / rate);
            ss += s * s;
            cc += c * c;
            sc += s * c;
            ys += output[i] * s;
            yc += output[i] * c;
        }

        double det = (ss * cc) - (sc * sc);
        double a = ((ys * cc) - (yc * sc)) / det;
        double b = ((yc * ss) - (ys * sc)) / det;
        double signal = 0, noise = 0;
        for (int i = 0; i < output.Length; i++)
        {
            double fit = (a * Math.Sin(2 * Math.PI * 1000 * i / rate)) + (b * Math.Cos(2 * Math.PI * 1000 * i / rate));
            signal += fit * fit;
            noise += (output[i] - fit) * (output[i] - fit);
        }

        return (10 * Math.Log10(signal / Math.Max(noise, 1e-9)), Math.Sqrt((a * a) + (b * b)) / 16000);
    }
}
