using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using DkCloud.Emulator;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.WebRtc.Integration;
using Xunit;

namespace DkCloud.Sdk.Interop.Tests;

/// <summary>
/// A WebRTC agent through <see cref="DkyClient"/>: the agent logs in at the emulator, whose login answer points the
/// extension at the interop rig's Kamailio; init registers it there (digest over WebSocket), logoff unregisters it.
/// </summary>
[Collection(InteropCollection.Name)]
[Trait("Category", "Interop")]
public sealed class DkyClientWebRtcInteropTests
{
    private const string Extension = "1010";
    private readonly InteropRig _rig;

    public DkyClientWebRtcInteropTests(InteropRig rig) => _rig = rig;

    [Fact]
    public async Task Init_registers_the_webrtc_extension_at_the_sip_server_and_logoff_unregisters_it()
    {
        await using var emulator = await DkCloudEmulator.StartAsync(new EmulatorOptions
        {
            WebRtcHost = _rig.WebSocketUri.Host,
            WebRtcPort = _rig.WebSocketUri.Port,
            WebRtcRealm = _rig.Domain,
        });
        emulator.AddExtension("10010010010", Extension, "pass" + Extension, 2);
        var options = new DkyOptions
        {
            ProjectId = "10010010010",
            AgentNumber = "1003",
            Token = "demo-token",
            InitType = ExtensionType.WebRtc,
            ExtensionNumber = Extension,
            ExtensionPassword = DkyCrypto.Encrypt("pass" + Extension, "demo-token"),
            IsEncrypt = true,
            AgentWebSocketUrl = emulator.AgentWebSocketUrl,
            ExtensionGracePeriod = TimeSpan.FromMilliseconds(200),
            Softphone = new WebRtcSoftphoneFactory
            {
                MediaAddressFilter = address => address.Equals(IPAddress.Loopback),
                Microphone = new DkCloud.Sdk.WebRtc.Audio.ToneSource(440, 8000, 0.3),
                Speaker = new DkCloud.Sdk.WebRtc.Audio.NullSink(8000),
            },
        };
        await using var client = new DkyClient(options);
        var events = new System.Collections.Concurrent.ConcurrentQueue<string>();
        client.On(EventNames.ExtensionRegister, e => events.Enqueue(e.EventName));
        client.On(EventNames.Init, e => events.Enqueue(e.EventName + ":" + ((InitEventArgs)e).State));

        var result = await client.InitAsync();
        Assert.True(result.ExtensionRegistered);
        Assert.Equal("127.0.0.1", result.Login!.WebrtcIp);
        Assert.True(await client.CheckMediaAsync());
        Assert.True(await Eventually.TrueAsync(() => events.Count == 2));
        Assert.Equal(new[] { EventNames.ExtensionRegister, EventNames.Init + ":init" }, events.ToArray());

        // Registered: a call from the far end reaches our extension and rings there.
        await _rig.FarEndAsync("dial", "sip:" + Extension + "@" + _rig.Domain);
        Assert.True(await Eventually.TrueAsync(async () => (await _rig.FarEndAsync("listcalls")).Contains(Extension, StringComparison.Ordinal)));
        await _rig.FarEndAsync("hangup");
        Assert.True(await Eventually.TrueAsync(async () => !(await _rig.FarEndAsync("listcalls")).Contains(Extension, StringComparison.Ordinal)));

        await client.LogoffAsync();

        // Unregistered: the same call is refused at once and never rings.
        await _rig.FarEndAsync("dial", "sip:" + Extension + "@" + _rig.Domain);
        await Task.Delay(1000);
        Assert.DoesNotContain(Extension, await _rig.FarEndAsync("listcalls"), StringComparison.Ordinal);
    }

}
