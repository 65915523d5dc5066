using System;
using System.Net.Sockets;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>Candidate and pair priorities (RFC 8445 sections 5.1.2 and 6.1.2.3).</summary>
internal static class IcePriority
{
    /// <summary>The recommended type preference: host 126, peer-reflexive 110, server-reflexive 100, relayed 0.</summary>
    public static int TypePreference(IceCandidateType type) => type switch
    {
        IceCandidateType.Host => 126,
        IceCandidateType.PeerReflexive => 110,
        IceCandidateType.ServerReflexive => 100,
        IceCandidateType.Relayed => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// The local preference of the address with index <paramref name="addressIndex"/> in gathering order: IPv6 above
    /// IPv4 (RFC 8421 section 4), earlier interfaces above later ones.
    /// </summary>
    public static int LocalPreference(AddressFamily family, int addressIndex)
    {
        int baseValue = family == AddressFamily.InterNetworkV6 ? 65535 : 32767;
        return Math.Max(0, baseValue - Math.Min(addressIndex, 30000));
    }

    /// <summary>priority = 2^24 * type preference + 2^8 * local preference + (256 - component id).</summary>
    public static uint Candidate(IceCandidateType type, int localPreference, int component)
    {
        if (localPreference < 0 || localPreference > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(localPreference));
        }

        if (component < 1 || component > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(component));
        }

        return ((uint)TypePreference(type) << 24) + ((uint)localPreference << 8) + (uint)(256 - component);
    }

    /// <summary>pair priority = 2^32 * MIN(G, D) + 2 * MAX(G, D) + (G &gt; D ? 1 : 0), G the controlling side's candidate priority.</summary>
    public static ulong Pair(uint controlling, uint controlled)
    {
        ulong min = Math.Min(controlling, controlled);
        ulong max = Math.Max(controlling, controlled);
        return (min << 32) + (2 * max) + (controlling > controlled ? 1UL : 0UL);
    }
}
