namespace DkCloud.Sdk.Events;

/// <summary><c>dky:hangup</c>: a leg of a call ended (7.3.3); <c>data.wrapupTime</c> starts after-call work.</summary>
public sealed class HangupEventArgs : CallEventArgs
{
}
