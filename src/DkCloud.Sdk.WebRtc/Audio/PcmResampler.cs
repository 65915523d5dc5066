using System;
using System.Numerics;

namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>
/// Streaming polyphase windowed-sinc resampler between two rates whose 20 ms frames are whole numbers of samples
/// (8, 16, 32, 44.1 and 48 kHz). The ratio is reduced to L/M; each of the L phases has its own Blackman-windowed sinc
/// kernel with the cut-off at 0.45 of the lower rate, and the kernel spans 32 taps of the lower rate. Every call turns
/// one input frame into exactly one output frame, so the delay (half the kernel) is constant and nothing drifts.
/// </summary>
/// <remarks>Not thread-safe. No allocation after construction. The filter's dot products use <see cref="Vector{T}"/>.</remarks>
internal sealed class PcmResampler
{
    private const int HalfTapsAtLowerRate = 16;
    private const double CutoffShareOfNyquist = 0.9;
    private readonly int _up;
    private readonly int _down;
    private readonly int _halfTaps;
    private readonly float[] _kernels;
    private readonly float[] _buffer;

    /// <summary>Creates a resampler from <paramref name="inputRate"/> to <paramref name="outputRate"/>.</summary>
    public PcmResampler(int inputRate, int outputRate)
    {
        if (inputRate <= 0 || inputRate % 50 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inputRate), "The rate must be a positive multiple of 50 Hz.");
        }

        if (outputRate <= 0 || outputRate % 50 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(outputRate), "The rate must be a positive multiple of 50 Hz.");
        }

        InputRate = inputRate;
        OutputRate = outputRate;
        InputFrameSamples = inputRate / 50;
        OutputFrameSamples = outputRate / 50;
        int divisor = GreatestCommonDivisor(inputRate, outputRate);
        _up = outputRate / divisor;
        _down = inputRate / divisor;
        double ratio = Math.Min(1.0, (double)outputRate / inputRate);
        _halfTaps = (int)Math.Ceiling(HalfTapsAtLowerRate / ratio);
        _kernels = BuildKernels(_up, _halfTaps, 0.5 * ratio * CutoffShareOfNyquist);
        _buffer = new float[(2 * _halfTaps) + InputFrameSamples];
    }

    /// <summary>The input rate in hertz.</summary>
    public int InputRate { get; }

    /// <summary>The output rate in hertz.</summary>
    public int OutputRate { get; }

    /// <summary>Samples in a 20 ms input frame.</summary>
    public int InputFrameSamples { get; }

    /// <summary>Samples in a 20 ms output frame.</summary>
    public int OutputFrameSamples { get; }

    /// <summary>Delay the filter adds, in input samples.</summary>
    public int DelayInInputSamples => _halfTaps;

    /// <summary>Resamples one 20 ms frame.</summary>
    public void Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if (input.Length != InputFrameSamples)
        {
            throw new ArgumentException("The input must be one 20 ms frame.", nameof(input));
        }

        if (output.Length < OutputFrameSamples)
        {
            throw new ArgumentException("The output must hold one 20 ms frame.", nameof(output));
        }

        int history = 2 * _halfTaps;
        float[] buffer = _buffer;
        for (int i = 0; i < input.Length; i++)
        {
            buffer[history + i] = input[i];
        }

        if (_up == _down)
        {
            for (int i = 0; i < input.Length; i++)
            {
                output[i] = Clamp(buffer[_halfTaps + i]);
            }
        }
        else
        {
            Filter(output);
        }

        Array.Copy(buffer, input.Length, buffer, 0, history);
    }

    /// <summary>Clears the history, as at the start of a stream.</summary>
    public void Reset() => Array.Clear(_buffer, 0, _buffer.Length);

    private void Filter(Span<short> output)
    {
        int taps = 2 * _halfTaps;
        float[] buffer = _buffer;
        float[] kernels = _kernels;
        for (int n = 0; n < OutputFrameSamples; n++)
        {
            long position = (long)n * _down;
            int whole = (int)(position / _up);
            int phase = (int)(position % _up);
            output[n] = Clamp(Dot(buffer, whole + 1, kernels, phase * taps, taps));
        }
    }

    /// <summary>The dot product of <paramref name="count"/> samples and kernel taps, with SIMD where the CPU has it.</summary>
    private static float Dot(float[] samples, int sampleStart, float[] kernels, int kernelStart, int count)
    {
        int k = 0;
        float sum = 0;
        if (Vector.IsHardwareAccelerated && count >= Vector<float>.Count)
        {
            Vector<float> accumulator = Vector<float>.Zero;
            for (; k <= count - Vector<float>.Count; k += Vector<float>.Count)
            {
                accumulator += new Vector<float>(samples, sampleStart + k) * new Vector<float>(kernels, kernelStart + k);
            }

            sum = Vector.Dot(accumulator, Vector<float>.One);
        }

        for (; k < count; k++)
        {
            sum += samples[sampleStart + k] * kernels[kernelStart + k];
        }

        return sum;
    }

    private static float[] BuildKernels(int phases, int halfTaps, double cutoff)
    {
        int taps = 2 * halfTaps;
        var kernels = new float[phases * taps];
        for (int phase = 0; phase < phases; phase++)
        {
            double fraction = (double)phase / phases;
            double sum = 0;
            var values = new double[taps];
            for (int k = 0; k < taps; k++)
            {
                // Tap k reads input sample (whole + 1 + k); the output instant is (whole + fraction) + halfTaps.
                double distance = (k + 1 - halfTaps) - fraction;
                double value = Sinc(2 * cutoff * distance) * Blackman(distance, halfTaps);
                values[k] = value;
                sum += value;
            }

            for (int k = 0; k < taps; k++)
            {
                kernels[(phase * taps) + k] = (float)(values[k] / sum);
            }
        }

        return kernels;
    }

    private static double Sinc(double x) => Math.Abs(x) < 1e-12 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);

    private static double Blackman(double distance, int halfTaps)
    {
        double t = (distance + halfTaps) / (2.0 * halfTaps);
        if (t <= 0 || t >= 1)
        {
            return 0;
        }

        return 0.42 - (0.5 * Math.Cos(2 * Math.PI * t)) + (0.08 * Math.Cos(4 * Math.PI * t));
    }

    private static short Clamp(float value)
    {
        if (value >= short.MaxValue)
        {
            return short.MaxValue;
        }

        if (value <= short.MinValue)
        {
            return short.MinValue;
        }

        return (short)Math.Round(value);
    }

    private static int GreatestCommonDivisor(int a, int b)
    {
        while (b != 0)
        {
            int t = a % b;
            a = b;
            b = t;
        }

        return a;
    }
}
