using System;
using System.Collections.Generic;

namespace DkCloud.Emulator.Media;

/// <summary>A call with at least one WebRTC leg: its bridge, its customer's ears and its SIP legs. Owned by the media plane's worker.</summary>
internal sealed class BridgedCall : IDisposable
{
    public BridgedCall(CallAudioBridge bridge, PartyHearing customer)
    {
        Bridge = bridge;
        Customer = customer;
    }

    public CallAudioBridge Bridge { get; }

    public PartyHearing Customer { get; }

    public Dictionary<string, ExtensionLeg> Legs { get; } = new(StringComparer.Ordinal);

    public void Dispose()
    {
        Bridge.Dispose();
        Customer.Dispose();
    }
}
