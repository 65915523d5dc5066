using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace DkCloud.Emulator.Tests;

public sealed class OversizeMessageTests
{
    [Fact]
    public async Task A_message_over_1_MB_is_refused_with_1009_while_it_arrives_and_other_agents_carry_on()
    {
        await using var emulator = await EmulatorFixture.StartAsync();
        await using var bob = await TestAgent.LoginAsync(emulator, "1002");
        using var hostile = new ClientWebSocket();
        await hostile.ConnectAsync(emulator.AgentWebSocketUrl, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        // 64 KB frames of one message that never ends: a close with 1009 can only come from counting while it arrives.
        var chunk = new byte[64 * 1024];
        chunk.AsSpan().Fill((byte)'a');
        int sent = 0;
        var closed = ReceiveCloseAsync(hostile, timeout.Token);
        while (!closed.IsCompleted && sent < 4 * 1024 * 1024)
        {
            try
            {
                await hostile.SendAsync(chunk, WebSocketMessageType.Text, endOfMessage: false, timeout.Token);
                sent += chunk.Length;
            }
            catch (WebSocketException)
            {
                break;
            }
        }

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await closed);
        Assert.Equal("200", (string?)(await bob.RequestAsync("agentstate"))["code"]);
    }

    private static async Task<WebSocketCloseStatus?> ReceiveCloseAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return result.CloseStatus;
            }
        }
    }
}
