namespace DkCloud.Sdk.Events;

/// <summary><c>dky:ring</c>: a leg of a call is ringing (7.3.4).</summary>
public sealed class RingEventArgs : CallEventArgs
{
}
