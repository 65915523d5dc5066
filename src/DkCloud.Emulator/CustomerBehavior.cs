using System;

namespace DkCloud.Emulator;

/// <summary>How an emulated customer (the far party of a call) behaves.</summary>
public sealed class CustomerBehavior
{
    /// <summary>How long the customer's phone rings before the customer answers an outbound call.</summary>
    public TimeSpan AnswerAfter { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>When set, the customer hangs up this long after the call is connected.</summary>
    public TimeSpan? HangupAfter { get; set; }

    /// <summary>The customer's line is busy: an outbound call ends at once with <c>dialCode</c> 486.</summary>
    public bool Busy { get; set; }

    /// <summary>The customer never answers: an outbound call rings until the ring timeout and ends with <c>dialCode</c> 480.</summary>
    public bool NoAnswer { get; set; }
}
