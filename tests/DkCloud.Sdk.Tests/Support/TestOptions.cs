using System;

namespace DkCloud.Sdk.Tests.Support;

internal static class TestOptions
{
    public const string ProjectId = "10010010010";
    public const string Token = "demo-token";

    public static DkyOptions Valid(Uri? url = null, string agent = "1001") => new()
    {
        ProjectId = ProjectId,
        AgentNumber = agent,
        Token = Token,
        ExtensionNumber = agent,
        ExtensionPassword = "123456",
        AgentWebSocketUrl = url ?? new Uri("ws://127.0.0.1:1/agent"),
        InitType = ExtensionType.IpPhone,
        RequestTimeout = TimeSpan.FromSeconds(5),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ExtensionGracePeriod = TimeSpan.FromMilliseconds(50),
    };
}
