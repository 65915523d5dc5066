namespace DkCloud.Sdk.Events;

/// <summary><c>dky:answer</c>: a leg of a call was answered (7.3.2).</summary>
public sealed class AnswerEventArgs : CallEventArgs
{
}
