namespace DkCloud.Sdk.Events;

/// <summary><c>dky:hold</c>: the call was held (<c>mode</c> hold) or resumed (unhold) (7.3.5, 7.3.6).</summary>
public sealed class HoldEventArgs : CallControlEventArgs
{
}
