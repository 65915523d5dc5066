namespace DkCloud.Emulator.Media;

/// <summary>What the SIP side reports back to the core about the calls it placed to extensions.</summary>
internal interface IExtensionCallEvents
{
    /// <summary>The extension answered (200 OK) the leg's INVITE.</summary>
    void ExtensionAnswered(string linkedId, string legKey);

    /// <summary>The extension refused the INVITE, or could not be reached.</summary>
    void ExtensionDeclined(string linkedId, string legKey, int statusCode);

    /// <summary>The extension hung up (BYE) a connected leg.</summary>
    void ExtensionHungUp(string linkedId, string legKey);
}
