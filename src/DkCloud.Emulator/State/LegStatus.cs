namespace DkCloud.Emulator.State;

/// <summary>The progress of a call leg.</summary>
internal enum LegStatus
{
    None,
    Ringing,
    Up,
    Ended,
}
