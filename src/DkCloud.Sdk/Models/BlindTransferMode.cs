namespace DkCloud.Sdk.Models;

/// <summary>Where a blind transfer goes (<c>blindMove</c> <c>mode</c>).</summary>
public enum BlindTransferMode
{
    /// <summary>0: another agent (who must be logged in).</summary>
    Agent = 0,

    /// <summary>1: an external number.</summary>
    External = 1,

    /// <summary>2: an IVR.</summary>
    Ivr = 2,

    /// <summary>3: a queue.</summary>
    Queue = 3,
}
