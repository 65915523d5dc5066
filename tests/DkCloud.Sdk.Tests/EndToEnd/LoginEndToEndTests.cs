using System.Linq;
using System.Threading.Tasks;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Models;
using DkCloud.Sdk.Tests.Support;
using Xunit;

namespace DkCloud.Sdk.Tests.EndToEnd;

[Trait("Category", "EndToEnd")]
public sealed class LoginEndToEndTests
{
    [Fact]
    public async Task Mixin_init_connects_logs_in_registers_and_raises_init_last()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, log) = h.Client();
        var result = await client.InitAsync();
        var init = await log.WaitAsync<InitEventArgs>();

        Assert.Equal(InitMode.Mixin, result.Mode);
        Assert.Equal(AgentRole.Ordinary, result.Login!.Role);
        Assert.True(result.ExtensionRegistered);
        Assert.Equal(SessionState.LoggedIn, client.State);
        Assert.Equal(AgentState.Idle, client.AgentState);
        Assert.Equal("init", init.State);
        Assert.Equal("ordinary", init.AgentRole);
        Assert.Equal("1001", init.AgentId);
        var names = log.Names.ToList();
        Assert.Equal(
            new[] { EventNames.AgentWebSocketOpen, EventNames.NetworkSituation, EventNames.AgentLogin },
            names.Take(3));
        Assert.True(names.IndexOf(EventNames.ExtensionRegister) < names.IndexOf(EventNames.Init));
        Assert.True(h.Emulator.GetAgent(TestOptions.ProjectId, "1001")!.LoggedIn);
    }

    [Fact]
    public async Task Monitor_logs_in_as_monitor()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, log) = await h.LoggedInAsync("9001");
        Assert.Equal(AgentRole.Monitor, client.Role);
        Assert.Equal("monitor", (await log.WaitAsync<InitEventArgs>()).AgentRole);
    }

    [Fact]
    public async Task Wrong_token_fails_with_403_raises_init_error_and_closes()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, log) = h.Client(configure: o => o.Token = "wrong-token");
        var ex = await Assert.ThrowsAsync<DkyException>(() => client.InitAsync());
        Assert.Equal(DkyErrorCodes.Forbidden, ex.Code);
        Assert.Equal("agentlogin", ex.Command);
        var init = await log.WaitAsync<InitEventArgs>();
        Assert.True(init.IsError);
        Assert.Equal(SessionState.Idle, client.State);
    }

    [Fact]
    public async Task Unknown_agent_fails_with_20006()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, _) = h.Client("7777");
        var ex = await Assert.ThrowsAsync<DkyException>(() => client.InitAsync());
        Assert.Equal(DkyErrorCodes.AgentNotFound, ex.Code);
    }

    [Fact]
    public async Task Single_mode_runs_the_four_steps_separately()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, log) = h.Client(configure: o => o.Mode = InitMode.Single);
        var result = await client.InitAsync();
        Assert.Null(result.Login);
        Assert.Equal(SessionState.Connected, client.State);

        var hold = await Assert.ThrowsAsync<DkyException>(() => client.HoldAsync());
        Assert.Equal(DkyErrorCodes.AgentNotLoggedIn, hold.Code);

        var login = await client.AgentLoginAsync();
        Assert.Equal(AgentRole.Ordinary, login.Role);
        var loginEvent = await log.WaitAsync<AgentLoginEventArgs>();
        Assert.True(loginEvent.IsSuccess);
        Assert.Equal("abc123", loginEvent.Data!.CrmId);

        await client.RegisterExtensionAsync();
        Assert.Equal("registered", (await log.WaitAsync<ExtensionRegisterEventArgs>()).State);
        Assert.True(client.ExtensionRegistered);
        await client.UnregisterExtensionAsync();
        Assert.Equal("extensionCancel", (await log.WaitAsync<ExtensionCancelEventArgs>()).State);
        await client.AgentExitAsync(BindState.Bind);
        Assert.True((await log.WaitAsync<AgentExitEventArgs>()).IsSuccess);
        Assert.False(h.Emulator.GetAgent(TestOptions.ProjectId, "1001")!.LoggedIn);
        Assert.DoesNotContain(EventNames.Init, log.Names);
    }

    [Fact]
    public async Task An_unknown_extension_fails_with_20003()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, _) = h.Client(configure: o => o.ExtensionNumber = "5555");
        var ex = await Assert.ThrowsAsync<DkyException>(() => client.InitAsync());
        Assert.Equal(DkyErrorCodes.ExtensionNotFound, ex.Code);
    }

    [Fact]
    public async Task Login_elsewhere_is_held_back_until_continue_login_squeezes_the_old_session()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (first, firstLog) = await h.LoggedInAsync();
        var (second, secondLog) = h.Client();

        var ex = await Assert.ThrowsAsync<DkyException>(() => second.InitAsync());
        Assert.Equal(DkyErrorCodes.LoggedInElsewhere, ex.Code);
        Assert.Equal(SessionState.Connected, second.State);

        await second.ContinueLoginAsync();
        Assert.Equal("init", (await secondLog.WaitAsync<InitEventArgs>(e => !e.IsError)).State);
        await firstLog.WaitAsync<SqueezeEventArgs>();
        await WaitUntil(() => firstLog.SessionEnds.Count == 1);
        Assert.Equal(SessionEndReason.Squeeze, firstLog.SessionEnds.Single().Reason);
        Assert.Equal(SessionState.Idle, first.State);
        Assert.DoesNotContain(firstLog.Events, e => e is ReconnectEventArgs);
        Assert.Equal(SessionState.LoggedIn, second.State);
    }

    [Fact]
    public async Task Logoff_ends_the_session_once_with_events_in_order()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, log) = await h.LoggedInAsync();
        await client.LogoffAsync();
        await WaitUntil(() => log.SessionEnds.Count == 1);
        Assert.Equal(SessionEndReason.Logoff, log.SessionEnds[0].Reason);
        var names = log.Names.ToList();
        Assert.True(names.IndexOf(EventNames.AgentExit) < names.IndexOf(EventNames.Logoff));
        Assert.Equal(1, names.Count(n => n == EventNames.AgentWebSocketClose));
        Assert.False(h.Emulator.GetAgent(TestOptions.ProjectId, "1001")!.LoggedIn);
        await client.DisposeAsync();
        await client.DisposeAsync();
        Assert.Single(log.SessionEnds);
    }

    [Fact]
    public async Task WebRtc_without_the_softphone_says_so()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, log) = h.Client("1002", o =>
        {
            o.InitType = ExtensionType.WebRtc;
            o.ExtensionNumber = "2002";
        });
        var ex = await Assert.ThrowsAsync<DkyException>(() => client.InitAsync());
        Assert.Equal(DkyErrorCodes.SoftphoneRequired, ex.Code);
        Assert.Contains("DkCloud.Sdk.WebRtc", ex.Message, System.StringComparison.Ordinal);
        Assert.True((await log.WaitAsync<InitEventArgs>()).IsError);
        Assert.False(await client.CheckMediaAsync());
        Assert.Equal("error", (await log.WaitAsync<DeviceDetectionEventArgs>()).State);
    }

    internal static async Task WaitUntil(System.Func<bool> condition, int timeoutSeconds = 10)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (sw.Elapsed.TotalSeconds > timeoutSeconds)
            {
                throw new System.TimeoutException("Condition not met in time.");
            }

            await Task.Delay(10);
        }
    }
}

/// <summary>WinForms/WPF apps get their events on their UI thread.</summary>
[Trait("Category", "EndToEnd")]
public sealed class SynchronizationContextEndToEndTests
{
    [Fact]
    public async Task Every_event_runs_on_the_captured_context_in_order()
    {
        using var ui = new SingleThreadContext();
        await using var h = await EmulatorHarness.StartAsync();
        var threads = new System.Collections.Concurrent.ConcurrentQueue<int>();
        var (client, log) = h.Client(configure: o => o.EventSynchronizationContext = ui);
        client.Ring += (_, _) => threads.Enqueue(System.Environment.CurrentManagedThreadId);
        client.Answer += (_, _) => threads.Enqueue(System.Environment.CurrentManagedThreadId);
        client.Init += (_, _) => threads.Enqueue(System.Environment.CurrentManagedThreadId);
        await client.InitAsync();
        await client.CallPhoneAsync(new Models.CallPhoneRequest("13800138000"));
        await log.WaitAsync<AnswerEventArgs>(a => a.Data!.CallLeg == Calls.CallLeg.Customer);
        Assert.True(threads.Count >= 5);
        Assert.All(threads, t => Assert.Equal(ui.ThreadId, t));
        var legs = log.Events.OfType<Events.CallEventArgs>().Select(e => e.EventName + "/" + e.Data!.CallLeg).ToList();
        Assert.Equal(new[] { "dky:ring/Agent", "dky:answer/Agent", "dky:ring/Customer", "dky:answer/Customer" }, legs);
    }
}

/// <summary>One handler's bug does not take the event away from the others, nor stop the session.</summary>
[Trait("Category", "EndToEnd")]
public sealed class HandlerIsolationEndToEndTests
{
    [Fact]
    public async Task A_throwing_handler_does_not_starve_the_next_handlers_or_later_events()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (client, log) = await h.LoggedInAsync();
        var second = 0;
        var listener = 0;
        client.Ring += (_, _) => throw new System.InvalidOperationException("an app bug");
        client.Ring += (_, _) => second++;
        using var subscription = client.On(EventNames.Ring, _ => listener++);
        var linkedId = await h.Emulator.InjectInboundCallAsync(TestOptions.ProjectId, "1001", "13900139000");
        await log.WaitAsync<RingEventArgs>();
        await client.AnswerAsync();
        await log.WaitAsync<AnswerEventArgs>(a => a.LinkedId == linkedId);
        Assert.Equal(1, second);
        Assert.Equal(1, listener);
        Assert.Equal(SessionState.LoggedIn, client.State);
    }
}
