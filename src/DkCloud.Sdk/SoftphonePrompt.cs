namespace DkCloud.Sdk;

/// <summary>A prompt the softphone plays to the agent (never to the customer).</summary>
public enum SoftphonePrompt
{
    /// <summary>The customer answered an outbound call (the JS <c>callAnswerPrompt</c>; a short beep by default).</summary>
    Answer,

    /// <summary>The call ended (the JS hang-up tone, <c>useHanupMusic</c>/<c>hanupMusic</c>; three busy-tone beeps by default).</summary>
    Hangup,
}
