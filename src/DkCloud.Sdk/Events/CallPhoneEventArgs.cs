namespace DkCloud.Sdk.Events;

/// <summary><c>dky:callphone</c>: the answer to an outbound call request (7.3.1).</summary>
public sealed class CallPhoneEventArgs : EnvelopeEventArgs
{
    /// <summary>The call's data (its <c>linkedId</c>).</summary>
    public CallPhoneData? Data { get; init; }
}
