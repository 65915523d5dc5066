namespace DkCloud.Emulator.State;

/// <summary>The progress of the customer leg of a call.</summary>
internal enum CustomerStatus
{
    None,
    Ringing,
    Up,
    Ended,
}
