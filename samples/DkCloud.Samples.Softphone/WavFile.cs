using System;
using System.IO;
using System.Text;

namespace DkCloud.Samples.Softphone;

/// <summary>Reads 16-bit PCM WAV files (any rate, mono or stereo) into 8 kHz mono samples.</summary>
internal static class WavFile
{
    /// <summary>Reads the file, mixes it down to mono and resamples it to 8 kHz by linear interpolation.</summary>
    /// <exception cref="InvalidDataException">Not a 16-bit PCM WAV file.</exception>
    public static short[] ReadAs8kMono(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        if (Encoding.ASCII.GetString(reader.ReadBytes(4)) != "RIFF")
        {
            throw new InvalidDataException("Not a RIFF file.");
        }

        reader.ReadInt32();
        if (Encoding.ASCII.GetString(reader.ReadBytes(4)) != "WAVE")
        {
            throw new InvalidDataException("Not a WAVE file.");
        }

        int channels = 0;
        int rate = 0;
        while (reader.BaseStream.Position + 8 <= reader.BaseStream.Length)
        {
            string id = Encoding.ASCII.GetString(reader.ReadBytes(4));
            int size = reader.ReadInt32();
            if (id == "fmt ")
            {
                short format = reader.ReadInt16();
                channels = reader.ReadInt16();
                rate = reader.ReadInt32();
                reader.ReadInt32();
                reader.ReadInt16();
                short bits = reader.ReadInt16();
                if ((format != 1 && format != -2) || bits != 16 || channels is < 1 or > 2)
                {
                    throw new InvalidDataException("Only 16-bit PCM mono or stereo is supported.");
                }

                reader.BaseStream.Seek(size - 16 + (size & 1), SeekOrigin.Current);
            }
            else if (id == "data")
            {
                if (channels == 0)
                {
                    throw new InvalidDataException("The data chunk comes before the fmt chunk.");
                }

                int frames = (int)Math.Min(size, reader.BaseStream.Length - reader.BaseStream.Position) / (2 * channels);
                var mono = new short[frames];
                for (int i = 0; i < frames; i++)
                {
                    int sum = 0;
                    for (int c = 0; c < channels; c++)
                    {
                        sum += reader.ReadInt16();
                    }

                    mono[i] = (short)(sum / channels);
                }

                return Resample(mono, rate, 8000);
            }
            else
            {
                reader.BaseStream.Seek(size + (size & 1), SeekOrigin.Current);
            }
        }

        throw new InvalidDataException("No data chunk.");
    }

    /// <summary>Linear-interpolation resampling (no anti-alias filter: fine for speech prompts, not for music).</summary>
    public static short[] Resample(short[] input, int fromRate, int toRate)
    {
        if (fromRate == toRate || input.Length == 0)
        {
            return input;
        }

        var output = new short[(int)((long)input.Length * toRate / fromRate)];
        double step = (double)fromRate / toRate;
        for (int i = 0; i < output.Length; i++)
        {
            double position = i * step;
            int index = (int)position;
            double fraction = position - index;
            short a = input[Math.Min(index, input.Length - 1)];
            short b = input[Math.Min(index + 1, input.Length - 1)];
            output[i] = (short)Math.Round(a + ((b - a) * fraction));
        }

        return output;
    }
}
