namespace DkCloud.Sdk.Events;

/// <summary><c>dky:meetHangup</c>: leaving or retrieving a three-way call failed (<c>state</c> error) (7.3.14).</summary>
public sealed class MeetHangupEventArgs : CallControlEventArgs
{
}
