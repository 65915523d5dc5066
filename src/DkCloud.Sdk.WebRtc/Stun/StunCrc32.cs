using System;

namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>CRC-32 (ISO 3309 / ITU-T V.42 polynomial, reflected 0xEDB88320) as FINGERPRINT requires.</summary>
internal static class StunCrc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>Computes the CRC-32 of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        uint[] table = Table;
        for (int i = 0; i < data.Length; i++)
        {
            crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    /// <summary>Computes the FINGERPRINT value (CRC-32 XOR 0x5354554E) of <paramref name="data"/>.</summary>
    public static uint Fingerprint(ReadOnlySpan<byte> data) => Compute(data) ^ StunConstants.FingerprintXor;

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
