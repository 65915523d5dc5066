using System;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DkCloud.Sdk.Tests.EndToEnd;

/// <summary>What a server should never send: each is dropped with a typed error and the session goes on.</summary>
[Trait("Category", "EndToEnd")]
public sealed class HostileServerTests
{
    private static DkyOptions Options(Uri url)
    {
        var o = TestOptions.Valid(url);
        o.MaxMessageBytes = 64 * 1024;
        return o;
    }

    [Fact]
    public async Task Bad_frames_are_dropped_with_a_typed_error_and_the_next_event_still_arrives()
    {
        var script = new TaskCompletionSource();
        await using var server = await ScriptedServer.StartAsync(async socket =>
        {
            await ScriptedServer.AcceptLoginAsync(socket);
            await ScriptedServer.SendAsync(socket, "this is not json");
            await ScriptedServer.SendAsync(socket, "{\"type\":\"somethingNew\",\"data\":{}}");
            await ScriptedServer.SendAsync(socket, "{\"type\":\"HANGUP\",\"code\":\"200\",\"data\":{\"linkedId\":\"x\",\"wrapupTime\":{\"nested\":true}}}");
            await ScriptedServer.SendAsync(socket, "{\"code\":\"200\",\"data\":{}}");
            await ScriptedServer.SendAsync(socket, "{\"type\":\"hold\",\"code\":[1]}");
            await socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, CancellationToken.None);
            await ScriptedServer.SendAsync(socket, "{\"type\":\"realTimeData\",\"data\":{\"pad\":\"" + new string('x', 100_000) + "\"}}");
            await ScriptedServer.SendAsync(socket, "{\"type\":\"RINGING\",\"code\":\"200\",\"data\":{\"linkedId\":\"cti-ok\",\"callLeg\":\"agent\",\"option\":\"in\",\"callType\":\"0\"}}");
            await script.Task;
        });

        await using var client = new DkyClient(Options(server.Url));
        var log = new EventLog(client);
        await client.InitAsync();
        var ring = await log.WaitAsync<RingEventArgs>();
        Assert.Equal("cti-ok", ring.LinkedId);
        await LoginEndToEndTests.WaitUntil(() => log.ProtocolErrors.Count >= 7);
        Assert.Equal(
            new[]
            {
                ProtocolErrorKind.MalformedJson, ProtocolErrorKind.UnknownType, ProtocolErrorKind.InvalidField,
                ProtocolErrorKind.InvalidField, ProtocolErrorKind.InvalidField, ProtocolErrorKind.BinaryFrame, ProtocolErrorKind.TooLarge,
            },
            log.ProtocolErrors.Select(e => e.Kind));
        Assert.Equal("somethingNew", log.ProtocolErrors[1].MessageType);
        Assert.Equal(SessionState.LoggedIn, client.State);
        Assert.DoesNotContain(log.Events, e => e is HangupEventArgs);
        Assert.DoesNotContain(log.Events, e => e is ReconnectEventArgs);
        script.SetResult();
    }

    [Fact]
    public async Task An_oversize_message_fails_before_the_server_has_sent_it_and_fragments_are_reassembled()
    {
        const int frame = 64 * 1024;
        const int frames = 256; // 16 MiB against a limit of 64 KiB
        var tooLarge = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var script = new TaskCompletionSource();
        var errorBeforeEnd = false;
        await using var server = await ScriptedServer.StartAsync(async socket =>
        {
            await ScriptedServer.AcceptLoginAsync(socket);
            var chunk = Encoding.UTF8.GetBytes("{\"type\":\"realTimeData\",\"data\":{\"pad\":\"" + new string('x', frame) + "\"}}")[..frame];
            // Four frames, four times the limit, and the message not finished: the client must say it is too large
            // now, not when the rest has come.
            var sent = 0;
            for (; sent < 4; sent++)
            {
                await socket.SendAsync(chunk, WebSocketMessageType.Text, false, CancellationToken.None);
            }

            await Task.WhenAny(tooLarge.Task, Task.Delay(TimeSpan.FromSeconds(20)));
            errorBeforeEnd = tooLarge.Task.IsCompleted;
            for (; sent < frames; sent++)
            {
                await socket.SendAsync(chunk, WebSocketMessageType.Text, sent == frames - 1, CancellationToken.None);
            }

            // RINGING in frames of 5 bytes, with 长治 cut inside its characters.
            var ring = Encoding.UTF8.GetBytes("{\"type\":\"RINGING\",\"code\":\"200\",\"data\":{\"linkedId\":\"cti-frag\",\"callLeg\":\"agent\",\"option\":\"in\",\"callType\":\"0\",\"customerTelCity\":\"山西|长治\"}}");
            for (var offset = 0; offset < ring.Length; offset += 5)
            {
                var length = Math.Min(5, ring.Length - offset);
                await socket.SendAsync(new ArraySegment<byte>(ring, offset, length), WebSocketMessageType.Text, offset + length == ring.Length, CancellationToken.None);
            }

            await script.Task;
        });

        await using var client = new DkyClient(Options(server.Url));
        var log = new EventLog(client);
        client.ProtocolError += (_, e) =>
        {
            if (e.Kind == ProtocolErrorKind.TooLarge)
            {
                tooLarge.TrySetResult();
            }
        };
        await client.InitAsync();
        var ring = await log.WaitAsync<RingEventArgs>(timeoutSeconds: 60);
        Assert.Equal("cti-frag", ring.LinkedId);
        Assert.Equal("山西|长治", ring.Data?.CustomerTelCity);
        Assert.True(errorBeforeEnd);
        Assert.Equal(ProtocolErrorKind.TooLarge, Assert.Single(log.ProtocolErrors).Kind);
        Assert.Equal(SessionState.LoggedIn, client.State);
        Assert.DoesNotContain(log.Events, e => e is ReconnectEventArgs);
        script.SetResult();
    }

    [Fact]
    public async Task An_answer_sent_twice_completes_the_command_once_and_raises_its_event_once()
    {
        await using var server = await ScriptedServer.StartAsync(async socket =>
        {
            await ScriptedServer.AcceptLoginAsync(socket);
            var hold = await ScriptedServer.ReceiveAsync(socket);
            await ScriptedServer.AnswerAsync(socket, hold, "{\"mode\":\"hold\"}");
            await ScriptedServer.AnswerAsync(socket, hold, "{\"mode\":\"hold\"}");
            await ScriptedServer.SendAsync(socket, "{\"type\":\"realTimeData\",\"data\":{\"callCount\":1}}");
            await ScriptedServer.ReceiveAsync(socket);
        });

        await using var client = new DkyClient(Options(server.Url));
        var log = new EventLog(client);
        await client.InitAsync();
        await client.HoldAsync();
        await log.WaitAsync<RealTimeDataEventArgs>();
        Assert.Single(log.All<HoldEventArgs>());
        Assert.Equal(ProtocolErrorKind.UnexpectedResponse, Assert.Single(log.ProtocolErrors).Kind);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_the_command_out_on_the_session_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var holdReceived = new TaskCompletionSource();
        await using var server = await ScriptedServer.StartAsync(async socket =>
        {
            await ScriptedServer.AcceptLoginAsync(socket);
            await ScriptedServer.ReceiveAsync(socket);
            holdReceived.SetResult();
            await ScriptedServer.ReceiveAsync(socket);
        });

        var o = Options(server.Url);
        o.TimeProvider = clock;
        await using var client = new DkyClient(o);
        await client.InitAsync();
        var hold = client.HoldAsync();
        await holdReceived.Task;
        Assert.False(hold.IsCompleted);
        clock.Advance(o.RequestTimeout - TimeSpan.FromMilliseconds(1));
        await Task.Delay(50);
        Assert.False(hold.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(2));
        var ex = await Assert.ThrowsAsync<OperationCanceledException>(() => hold);
        Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.Contains("'hold'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(SessionState.LoggedIn, client.State);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_reported_as_a_timeout()
    {
        await using var server = await ScriptedServer.StartAsync(async socket =>
        {
            await ScriptedServer.AcceptLoginAsync(socket);
            await ScriptedServer.ReceiveAsync(socket);
            await ScriptedServer.ReceiveAsync(socket);
        });
        await using var client = new DkyClient(Options(server.Url));
        await client.InitAsync();
        using var cts = new CancellationTokenSource();
        var hold = client.HoldAsync(cts.Token);
        cts.Cancel();
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hold);
        Assert.Null(ex.InnerException);
    }

    [Fact]
    public async Task A_burst_of_100000_events_arrives_complete_and_in_order()
    {
        const int count = 100_000;
        await using var server = await ScriptedServer.StartAsync(async socket =>
        {
            await ScriptedServer.AcceptLoginAsync(socket);
            for (var i = 1; i <= count; i++)
            {
                await ScriptedServer.SendAsync(socket, $"{{\"type\":\"realTimeData\",\"data\":{{\"callCount\":{i}}}}}");
            }

            await ScriptedServer.ReceiveAsync(socket);
        });

        await using var client = new DkyClient(Options(server.Url));
        var next = 1;
        var outOfOrder = 0;
        var done = new TaskCompletionSource();
        client.RealTimeData += (_, e) =>
        {
            if (e.CallCount != next)
            {
                outOfOrder++;
            }

            next = e.CallCount + 1;
            if (e.CallCount == count)
            {
                done.TrySetResult();
            }
        };
        await client.InitAsync();
        await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, outOfOrder);
        Assert.Equal(count + 1, next);
    }
}
