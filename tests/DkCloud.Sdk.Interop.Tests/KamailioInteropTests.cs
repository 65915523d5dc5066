using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Sdp;
using DkCloud.Sdk.WebRtc.Sip;
using DkCloud.Sdk.WebRtc.Sip.Registration;
using DkCloud.Sdk.WebRtc.Sip.Transport;
using DkCloud.Sdk.WebRtc.Sip.UserAgent;
using Xunit;

namespace DkCloud.Sdk.Interop.Tests;

/// <summary>The user agent against Kamailio (WebSocket registrar with digest), rtpengine and baresip (9000).</summary>
[Collection(InteropCollection.Name)]
[Trait("Category", "Interop")]
public sealed class KamailioInteropTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly InteropRig _rig;

    public KamailioInteropTests(InteropRig rig) => _rig = rig;

    private SipUserAgent Create(string user, string? password = null, Action<SipUserAgentOptions>? configure = null)
    {
        var options = new SipUserAgentOptions(_rig.Domain, user, password ?? "pass" + user) { OptionsProbes = false };
        configure?.Invoke(options);
        var transport = new SipWebSocketTransport(new SipTransportOptions { ServerUri = _rig.WebSocketUri });
        return new SipUserAgent(options, transport);
    }

    /// <summary>A syntactically valid WebRTC answer (no DTLS/ICE stack behind it yet): signalling only.</summary>
    private static string AnswerFor(string offer)
    {
        var options = new SdpAnswerOptions
        {
            ConnectionAddress = "127.0.0.1",
            Port = 40_000,
            IceUfrag = "dkua",
            IcePwd = "dkuapasswordpasswordpass",
            Trickle = false,
            EndOfCandidates = true,
            Fingerprint = new SdpFingerprint("sha-256", string.Join(':', Array.ConvertAll(new byte[32], _ => "AB"))),
        };
        options.Candidates.Add(new SdpCandidate("1", 1, "UDP", 2_130_706_431, "127.0.0.1", 40_000, "host"));
        return SdpOfferAnswer.CreateAnswer(SdpSessionDescription.Parse(offer), options).ToString();
    }

    private const string Offer =
        "v=0\r\no=- 7 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
        "m=audio 40002 UDP/TLS/RTP/SAVPF 0 8 126\r\na=mid:0\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:126 telephone-event/8000\r\na=sendrecv\r\na=rtcp-mux\r\na=setup:actpass\r\n" +
        "a=fingerprint:sha-256 AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB\r\n" +
        "a=ice-ufrag:dkub\r\na=ice-pwd:dkubpasswordpasswordpass\r\n" +
        "a=candidate:1 1 UDP 2130706431 127.0.0.1 40002 typ host\r\n";

    private async Task<SipCall> DialUsAsync(SipUserAgent agent, string user)
    {
        var incoming = new TaskCompletionSource<SipCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.IncomingCall += call => incoming.TrySetResult(call);
        await _rig.FarEndAsync("dial", "sip:" + user + "@" + _rig.Domain);
        return await incoming.Task.WaitAsync(Wait);
    }

    [Fact]
    public async Task Register_with_digest_over_websocket_succeeds_and_refreshes()
    {
        using SipUserAgent agent = Create("1001", configure: o =>
        {
            o.RegisterExpires = 30;
            o.RegisterRefreshMargin = TimeSpan.FromSeconds(26);
        });
        int registered = 0;
        agent.RegistrationStateChanged += args =>
        {
            if (args.State == SipRegistrationState.Registered)
            {
                Interlocked.Increment(ref registered);
            }
        };
        await agent.StartAsync(CancellationToken.None);
        Assert.Equal(SipRegistrationState.Registered, agent.Registration.State);
        Assert.Equal(30, agent.Registration.GrantedExpires);

        // Refresh at 30 - min(26, 15) = 15 s.
        var refreshed = Stopwatch.StartNew();
        while (Volatile.Read(ref registered) < 2 && refreshed.Elapsed < TimeSpan.FromSeconds(25))
        {
            await Task.Delay(200);
        }

        Assert.True(Volatile.Read(ref registered) >= 2, "no refresh within 25 s");
        Assert.Equal(SipRegistrationState.Registered, agent.Registration.State);
        await agent.StopAsync(CancellationToken.None);
        Assert.Equal(SipRegistrationState.Unregistered, agent.Registration.State);
    }

    [Fact]
    public async Task Wrong_password_is_a_typed_authentication_failure()
    {
        using SipUserAgent agent = Create("1002", "wrong");
        SipException error = await Assert.ThrowsAsync<SipException>(() => agent.StartAsync(CancellationToken.None));
        Assert.Equal(SipErrorCode.AuthenticationFailed, error.Code);
        Assert.Equal(401, error.StatusCode);
        Assert.Equal(SipRegistrationState.Failed, agent.Registration.State);
    }

    [Fact]
    public async Task Options_to_the_server_are_answered()
    {
        using SipUserAgent agent = Create("1003", configure: o => o.Register = false);
        await agent.StartAsync(CancellationToken.None);
        SipOptionsProbeEventArgs probe = await agent.ProbeServerAsync();
        Assert.Equal(SipOptionsProbeState.Succeeded, probe.State);
        Assert.Equal(200, probe.StatusCode);
        Assert.True(probe.Delay > TimeSpan.Zero && probe.Delay < TimeSpan.FromSeconds(5));
        await agent.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Call_from_baresip_carries_ice_and_dtls_and_rejecting_with_486_fails_it_there()
    {
        using SipUserAgent agent = Create("1004");
        await agent.StartAsync(CancellationToken.None);
        SipCall call = await DialUsAsync(agent, "1004");
        Assert.Equal("9000", call.RemoteUri.User);
        SdpSessionDescription offer = SdpSessionDescription.Parse(call.RemoteSdp!);
        SdpMediaDescription audio = offer.Media[0];
        Assert.Equal("UDP/TLS/RTP/SAVPF", audio.Protocol);
        Assert.NotEmpty(audio.Candidates);
        Assert.Equal("127.0.0.1", audio.Candidates[0].Address);
        Assert.Equal("sha-256", offer.GetFingerprint(audio)!.HashFunction, ignoreCase: true);
        Assert.NotNull(offer.GetIceUfrag(audio));

        await call.RejectAsync(486);
        Assert.True(await Eventually.TrueAsync(() => _rig.ReadLog("baresip.log").Contains("486 Busy Here", StringComparison.Ordinal)), _rig.ReadLog("baresip.log"));
        Assert.True(await Eventually.TrueAsync(async () => !(await _rig.FarEndAsync("listcalls")).Contains("1004", StringComparison.Ordinal)));
        await agent.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Call_from_baresip_answered_then_ended_by_us_and_then_by_baresip()
    {
        using SipUserAgent agent = Create("1005");
        await agent.StartAsync(CancellationToken.None);

        SipCall first = await DialUsAsync(agent, "1005");
        await first.AnswerAsync(AnswerFor(first.RemoteSdp!));
        await first.WhenEstablished.WaitAsync(Wait);
        Assert.Contains("1005", await _rig.FarEndAsync("listcalls"), StringComparison.Ordinal);
        await first.HangupAsync().WaitAsync(Wait);
        Assert.Equal(SipCallEndReason.LocalHangup, (await first.WhenEnded).Reason);
        Assert.True(await Eventually.TrueAsync(async () => !(await _rig.FarEndAsync("listcalls")).Contains("1005", StringComparison.Ordinal)));

        SipCall second = await DialUsAsync(agent, "1005");
        await second.AnswerAsync(AnswerFor(second.RemoteSdp!));
        await second.WhenEstablished.WaitAsync(Wait);
        await _rig.FarEndAsync("hangup");
        SipCallEndedEventArgs ended = await second.WhenEnded.WaitAsync(Wait);
        Assert.Equal(SipCallEndReason.RemoteHangup, ended.Reason);
        await agent.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Call_to_baresip_passes_proxy_authentication_and_is_answered_then_ended_with_bye()
    {
        using SipUserAgent agent = Create("1006");
        await agent.StartAsync(CancellationToken.None);
        SipCall call = agent.Call("9000", Offer);
        await call.WhenEstablished.WaitAsync(Wait);
        SdpSessionDescription answer = SdpSessionDescription.Parse(call.RemoteSdp!);
        Assert.Equal("UDP/TLS/RTP/SAVPF", answer.Media[0].Protocol);
        Assert.NotEmpty(answer.Media[0].Candidates);
        Assert.Contains("1006", await _rig.FarEndAsync("listcalls"), StringComparison.Ordinal);
        await call.HangupAsync().WaitAsync(Wait);
        Assert.True(await Eventually.TrueAsync(async () => !(await _rig.FarEndAsync("listcalls")).Contains("1006", StringComparison.Ordinal)));
        await agent.StopAsync(CancellationToken.None);
    }
}
