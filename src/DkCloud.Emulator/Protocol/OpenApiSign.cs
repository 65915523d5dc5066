using System;
using System.Security.Cryptography;
using System.Text;

namespace DkCloud.Emulator.Protocol;

/// <summary>The open API's signature: lower-case hex MD5 of project id + token + timestamp.</summary>
internal static class OpenApiSign
{
    public static string Compute(string projectId, string token, string timestamp)
    {
#pragma warning disable CA5351 // MD5 is what the vendor's open API signs with.
        var hash = MD5.HashData(Encoding.UTF8.GetBytes(projectId + token + timestamp));
#pragma warning restore CA5351
        return Convert.ToHexStringLower(hash);
    }

    public static bool Verify(string projectId, string token, string timestamp, string? sign) =>
        sign is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Compute(projectId, token, timestamp)),
            Encoding.ASCII.GetBytes(sign.ToLowerInvariant()));
}
