using System;
using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Tests.Fuzz;

/// <summary>
/// Deterministic byte mutations of a valid sample (bit flips, interesting values, inserted, deleted and duplicated
/// ranges, truncation, big-endian length fields overwritten): one 32-bit seed always gives the same output.
/// </summary>
internal static class Mutator
{
    private static readonly byte[] Interesting = { 0x00, 0x01, 0x7F, 0x80, 0xFF, 0x0D, 0x0A, 0x20, 0x3A, 0x40, 0x4F, 0x21, 0x12, 0xA4, 0x42 };

    public static byte[] Mutate(byte[] sample, int seed, int maxLength)
    {
        var random = new Random(seed);
        var bytes = new List<byte>(sample);
        int rounds = 1 + random.Next(8);
        for (int round = 0; round < rounds; round++)
        {
            int position = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(8))
            {
                case 0 when bytes.Count > 0:
                    bytes[position] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0:
                    bytes[position] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 2:
                    var inserted = new byte[1 + random.Next(16)];
                    random.NextBytes(inserted);
                    bytes.InsertRange(position, inserted);
                    break;
                case 3 when bytes.Count > 0:
                    bytes.RemoveRange(position, Math.Min(bytes.Count - position, 1 + random.Next(16)));
                    break;
                case 4 when bytes.Count > 0:
                    int length = Math.Min(bytes.Count - position, 1 + random.Next(32));
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(position, length));
                    break;
                case 5:
                    bytes.RemoveRange(position, bytes.Count - position);
                    break;
                case 6 when bytes.Count > 1:
                    int at = Math.Min(position, bytes.Count - 2);
                    ushort value = (ushort)(random.Next(4) == 0 ? 0xFFFF : random.Next(bytes.Count + 64));
                    bytes[at] = (byte)(value >> 8);
                    bytes[at + 1] = (byte)value;
                    break;
                default:
                    if (bytes.Count > 0)
                    {
                        bytes[position] = (byte)random.Next(256);
                    }

                    break;
            }
        }

        if (bytes.Count > maxLength)
        {
            bytes.RemoveRange(maxLength, bytes.Count - maxLength);
        }

        return bytes.ToArray();
    }
}
