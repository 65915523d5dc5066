namespace DkCloud.Sdk.Events;

/// <summary><c>dky:extensionCancel</c>: the extension unregistered (<c>state</c> extensionCancel) (7.1.6).</summary>
public sealed class ExtensionCancelEventArgs : ModeStateEventArgs
{
}
