using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CsCheck;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Protocol;
using DkCloud.Sdk.Tests.Support;
using Xunit;

namespace DkCloud.Sdk.Tests.Fault;

/// <summary>Random and mutated server frames: the codec refuses them with a reason, the session survives them.</summary>
[Trait("Category", "Fault")]
public sealed class FuzzTests
{
    private static readonly byte[][] Seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Payloads"), "*.json")
        .Select(f => Encoding.UTF8.GetBytes("{\"type\":\"RINGING\",\"code\":\"200\",\"data\":" + File.ReadAllText(f) + "}"))
        .Concat(new[] { Encoding.UTF8.GetBytes(Payloads.Read("7.3.3-hangup.json")), Encoding.UTF8.GetBytes(Payloads.Read("7.3.4-ring.json")) })
        .ToArray();

    /// <summary>A valid frame with a few bytes changed, inserted or cut.</summary>
    private static readonly Gen<byte[]> Mutated =
        Gen.Int[0, Seeds.Length - 1].SelectMany(i => Gen.Int[1, 8].SelectMany(n => Gen.Int.Array[n * 3].Select(ops => Mutate(Seeds[i], ops))));

    private static readonly Gen<byte[]> Random = Gen.Byte.Array[0, 512];

    [Fact]
    public void The_codec_never_throws_on_any_bytes() =>
        Gen.OneOf(Mutated, Random).Sample(bytes => DecodeLikeTheClient(bytes), iter: 20_000);

    [Fact]
    public async Task The_session_survives_a_stream_of_garbage_and_stays_bounded()
    {
        var frames = Gen.OneOf(Mutated, Random).Array[2_000].Single();
        await using var server = await ScriptedServer.StartAsync(async socket =>
        {
            await ScriptedServer.AcceptLoginAsync(socket);
            foreach (var frame in frames)
            {
                // Text frames must be UTF-8 on the wire; send what is, drop what .NET would refuse to frame.
                var text = Encoding.UTF8.GetString(frame);
                await ScriptedServer.SendAsync(socket, text);
            }

            await ScriptedServer.SendAsync(socket, "{\"type\":\"RINGING\",\"code\":\"200\",\"data\":{\"linkedId\":\"after-garbage\",\"callLeg\":\"agent\",\"option\":\"in\",\"callType\":\"0\"}}");
            await ScriptedServer.ReceiveAsync(socket);
        });

        await using var client = new DkyClient(TestOptions.Valid(server.Url));
        var log = new EventLog(client);
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        await client.InitAsync();
        await log.WaitAsync<RingEventArgs>(r => r.LinkedId == "after-garbage", timeoutSeconds: 60);
        Assert.Equal(SessionState.LoggedIn, client.State);
        Assert.DoesNotContain(log.Events, e => e is ReconnectEventArgs);
        Assert.NotEmpty(log.ProtocolErrors);
        log.Clear();
        log.ProtocolErrors.Clear();
        GC.Collect();
        var after = GC.GetTotalMemory(true);
        Assert.True(after - before < 32 * 1024 * 1024, $"Memory grew by {after - before} bytes.");
    }

    /// <summary>What the client does with a frame: decode the envelope, then the event; JSON errors are reported, not thrown.</summary>
    private static void DecodeLikeTheClient(byte[] bytes)
    {
        var message = MessageDecoder.Decode(bytes, out var error);
        if (message is null)
        {
            Assert.NotNull(error);
            return;
        }

        var route = ProtocolMap.Find(message.Type, message.IsSuccess);
        if (route is null)
        {
            return;
        }

        try
        {
            var args = route.Decode(message);
            Assert.Equal(route.EventName, args.EventName);
        }
        catch (JsonException)
        {
            // A field of the wrong type: the client reports InvalidField.
        }
    }

    private static byte[] Mutate(byte[] seed, int[] ops)
    {
        var bytes = seed.ToList();
        for (var i = 0; i + 2 < ops.Length; i += 3)
        {
            if (bytes.Count == 0)
            {
                break;
            }

            var at = Math.Abs(ops[i + 1] % bytes.Count);
            switch (Math.Abs(ops[i] % 3))
            {
                case 0:
                    bytes[at] = (byte)ops[i + 2];
                    break;
                case 1:
                    bytes.Insert(at, (byte)ops[i + 2]);
                    break;
                default:
                    bytes.RemoveAt(at);
                    break;
            }
        }

        return bytes.ToArray();
    }
}
