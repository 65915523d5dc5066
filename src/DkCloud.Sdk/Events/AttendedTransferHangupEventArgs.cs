namespace DkCloud.Sdk.Events;

/// <summary><c>dky:atxferHangup</c>: retrieving the customer from a consultation failed (<c>state</c> error) (7.3.11).</summary>
public sealed class AttendedTransferHangupEventArgs : CallControlEventArgs
{
}
