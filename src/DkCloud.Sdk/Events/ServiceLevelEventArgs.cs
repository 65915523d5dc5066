namespace DkCloud.Sdk.Events;

/// <summary><c>dky:serviceLevel</c>: the satisfaction survey was started for the customer (7.3.15).</summary>
public sealed class ServiceLevelEventArgs : EnvelopeEventArgs
{
}
