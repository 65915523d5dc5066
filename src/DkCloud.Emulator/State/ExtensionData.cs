namespace DkCloud.Emulator.State;

/// <summary>A configured IP-phone or WebRTC extension.</summary>
internal sealed class ExtensionData
{
    public ExtensionData(string number, string password, int type)
    {
        Number = number;
        Password = password;
        Type = type;
    }

    public string Number { get; }

    public string Password { get; set; }

    public int Type { get; set; }
}
