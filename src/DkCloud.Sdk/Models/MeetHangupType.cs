namespace DkCloud.Sdk.Models;

/// <summary>How to leave a three-way call (the JS <c>meetHangup(type)</c>).</summary>
public enum MeetHangupType
{
    /// <summary><c>hangup</c>: drop the third party.</summary>
    Hangup = 0,

    /// <summary><c>retrieve</c>: take the customer back; raises <c>dky:answer</c>.</summary>
    Retrieve = 1,
}
