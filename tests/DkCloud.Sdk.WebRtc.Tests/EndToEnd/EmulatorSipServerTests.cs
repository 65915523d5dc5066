using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Emulator;
using DkCloud.Sdk.WebRtc.Sip;
using DkCloud.Sdk.WebRtc.Sip.Transport;
using DkCloud.Sdk.WebRtc.Sip.UserAgent;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.EndToEnd;

/// <summary>The emulator's SIP registrar as a plain SIP user agent sees it: digest, refusals, OPTIONS, hostile input.</summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class EmulatorSipServerTests
{
    [Fact]
    public async Task Extension_registers_with_digest_answers_probes_and_unregisters()
    {
        await using var emulator = await DkCloudEmulator.StartAsync();
        using var agent = CreateAgent(emulator, "2001", "123456");

        await agent.StartAsync(CancellationToken.None);
        Assert.True(emulator.IsExtensionRegistered("2001"));
        Assert.True(agent.Registration.GrantedExpires is >= 60 and <= 3600);

        var probe = await agent.ProbeServerAsync();
        Assert.Equal(SipOptionsProbeState.Succeeded, probe.State);
        Assert.Equal(200, probe.StatusCode);

        await agent.StopAsync(CancellationToken.None);
        Assert.False(emulator.IsExtensionRegistered("2001"));
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_403_and_leaves_no_binding()
    {
        await using var emulator = await DkCloudEmulator.StartAsync();
        using var agent = CreateAgent(emulator, "2001", "wrong");

        var error = await Assert.ThrowsAsync<SipException>(() => agent.StartAsync(CancellationToken.None));

        Assert.Equal(403, error.StatusCode);
        Assert.False(emulator.IsExtensionRegistered("2001"));
    }

    [Fact]
    public async Task Unknown_or_ip_phone_extension_is_refused_with_404()
    {
        await using var emulator = await DkCloudEmulator.StartAsync();
        using var agent = CreateAgent(emulator, "1001", "123456");

        var error = await Assert.ThrowsAsync<SipException>(() => agent.StartAsync(CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task Wrong_password_fails_dky_init_with_a_typed_error()
    {
        await using var emulator = await DkCloudEmulator.StartAsync();
        await using var client = new DkyClient(new DkyOptions
        {
            ProjectId = WebRtcAgent.ProjectId,
            AgentNumber = "1001",
            Token = "demo-token",
            InitType = ExtensionType.WebRtc,
            ExtensionNumber = "2001",
            ExtensionPassword = "not-the-password",
            AgentWebSocketUrl = emulator.AgentWebSocketUrl,
            Softphone = new Integration.WebRtcSoftphoneFactory(),
        });

        var error = await Assert.ThrowsAsync<DkyException>(() => client.InitAsync());

        Assert.Equal(DkyErrorCodes.SoftphoneRegistrationFailed, error.Code);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_and_oversize_frames_are_dropped_and_the_server_keeps_serving()
    {
        await using var emulator = await DkCloudEmulator.StartAsync();
        using (var socket = new ClientWebSocket())
        {
            socket.Options.AddSubProtocol("sip");
            await socket.ConnectAsync(SipUri(emulator), CancellationToken.None);
            await socket.SendAsync(Encoding.UTF8.GetBytes("NOT SIP AT ALL\r\n\r\n"), WebSocketMessageType.Text, true, CancellationToken.None);
            await socket.SendAsync(new byte[] { 0xff, 0x00, 0x13 }, WebSocketMessageType.Binary, true, CancellationToken.None);
            await socket.SendAsync(new byte[70_000], WebSocketMessageType.Text, true, CancellationToken.None);
        }

        using var agent = CreateAgent(emulator, "2001", "123456");
        await agent.StartAsync(CancellationToken.None);
        Assert.True(emulator.IsExtensionRegistered("2001"));
        await agent.StopAsync(CancellationToken.None);
    }

    private static Uri SipUri(DkCloudEmulator emulator) => new($"ws://127.0.0.1:{emulator.BaseUrl.Port}/");

    private static SipUserAgent CreateAgent(DkCloudEmulator emulator, string extension, string password)
    {
        var options = new SipUserAgentOptions("127.0.0.1", extension, password) { OptionsProbes = false };
        var transport = new SipWebSocketTransport(new SipTransportOptions { ServerUri = SipUri(emulator), ReconnectMaxAttempts = 0 });
        return new SipUserAgent(options, transport);
    }
}
