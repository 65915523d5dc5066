using System.Globalization;
using System.Net;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>
/// Foundations (RFC 8445 section 5.1.1.3): equal for candidates of the same type, base address, server and transport,
/// different otherwise. A stable 32-bit FNV-1a hash keeps them short and inside the ice-char alphabet.
/// </summary>
internal static class IceFoundation
{
    /// <summary>The foundation of a UDP candidate.</summary>
    public static string Compute(IceCandidateType type, IPAddress baseAddress, IPEndPoint? server)
    {
        string key = type + "|" + baseAddress + "|" + (server?.ToString() ?? string.Empty) + "|udp";
        uint hash = 2166136261;
        foreach (char c in key)
        {
            hash ^= c;
            hash *= 16777619;
        }

        return hash.ToString(CultureInfo.InvariantCulture);
    }
}
