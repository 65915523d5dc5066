using System;
using System.Collections.Generic;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>Lists the local unicast addresses that may become host candidates.</summary>
internal static class IceHostAddresses
{
    /// <summary>Addresses of interfaces that are up (or, like Linux loopback, report no status), filtered, IPv6 first.</summary>
    public static IReadOnlyList<IPAddress> List(Func<IPAddress, bool> filter, bool includeIPv6)
    {
        var v6 = new List<IPAddress>();
        var v4 = new List<IPAddress>();
        foreach (NetworkInterface networkInterface in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (networkInterface.OperationalStatus != OperationalStatus.Up && networkInterface.OperationalStatus != OperationalStatus.Unknown)
            {
                continue;
            }

            foreach (UnicastIPAddressInformation unicast in networkInterface.GetIPProperties().UnicastAddresses)
            {
                IPAddress address = unicast.Address;
                if (!filter(address))
                {
                    continue;
                }

                if (address.AddressFamily == AddressFamily.InterNetwork && !v4.Contains(address))
                {
                    v4.Add(address);
                }
                else if (includeIPv6 && address.AddressFamily == AddressFamily.InterNetworkV6 && !v6.Contains(address))
                {
                    v6.Add(address);
                }
            }
        }

        v6.AddRange(v4);
        return v6;
    }
}
