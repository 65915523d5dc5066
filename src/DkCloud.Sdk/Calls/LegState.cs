namespace DkCloud.Sdk.Calls;

/// <summary>Where one leg of a call stands.</summary>
public enum LegState
{
    /// <summary>Ringing.</summary>
    Ringing = 0,

    /// <summary>Answered.</summary>
    Answered = 1,

    /// <summary>Ended.</summary>
    Ended = 2,
}
