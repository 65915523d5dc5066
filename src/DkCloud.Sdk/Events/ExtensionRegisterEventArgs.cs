namespace DkCloud.Sdk.Events;

/// <summary><c>dky:extensionRegister</c>: the extension registered (<c>state</c> registered) (7.1.5).</summary>
public sealed class ExtensionRegisterEventArgs : ModeStateEventArgs
{
}
