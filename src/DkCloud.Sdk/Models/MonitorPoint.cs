namespace DkCloud.Sdk.Models;

/// <summary>What the monitor's number is (<c>chanspy</c> <c>point</c>).</summary>
public enum MonitorPoint
{
    /// <summary>0: the monitor's agent number.</summary>
    Agent = 0,

    /// <summary>1: an external phone number.</summary>
    External = 1,
}
