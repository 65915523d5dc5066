namespace DkCloud.Sdk.Models;

/// <summary>Whom a consultation, attended transfer or three-way call goes to (<c>mode</c>).</summary>
public enum TransferMode
{
    /// <summary>0: another agent (who must be logged in).</summary>
    Agent = 0,

    /// <summary>1: an external number.</summary>
    External = 1,
}
