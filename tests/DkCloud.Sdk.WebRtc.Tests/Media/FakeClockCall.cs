using System;
using System.Diagnostics;
using System.Net;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Media;
using Microsoft.Extensions.Time.Testing;

namespace DkCloud.Sdk.WebRtc.Tests.Media;

/// <summary>
/// Two media sessions on loopback (real ICE, DTLS, SRTP sockets) whose media clocks run on one fake clock: each step
/// advances it by one 20 ms frame and waits until both sides have received what the other sent, so playout is
/// deterministic however loaded the machine is.
/// </summary>
internal sealed class FakeClockCall : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);

    private FakeClockCall(Action<MediaSessionOptions>? offerer, Action<MediaSessionOptions>? answerer)
    {
        Offerer = new MediaSession(Options(offerer));
        Answerer = new MediaSession(Options(answerer));
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public MediaSession Offerer { get; }

    public MediaSession Answerer { get; }

    /// <summary>Frames still waited for when the delivery wait gave up (a datagram lost by the host).</summary>
    public int Undelivered { get; private set; }

    public static async Task<FakeClockCall> ConnectAsync(Action<MediaSessionOptions>? offerer = null, Action<MediaSessionOptions>? answerer = null)
    {
        var call = new FakeClockCall(offerer, answerer);
        try
        {
            string offer = await call.Offerer.CreateOfferAsync();
            string answer = await call.Answerer.CreateAnswerAsync(offer);
            call.Offerer.ApplyAnswer(answer);
            var watch = Stopwatch.StartNew();
            while (!(call.Offerer.WhenSecure.IsCompleted && call.Answerer.WhenSecure.IsCompleted) && watch.Elapsed < Limit)
            {
                call.Time.Advance(TimeSpan.FromMilliseconds(5));
                await Task.Delay(1);
            }

            await call.Offerer.WhenSecure.WaitAsync(Limit);
            await call.Answerer.WhenSecure.WaitAsync(Limit);
            return call;
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs the call for <paramref name="duration"/> of fake time, one frame at a time, each after what the last one
    /// sent has arrived (packets that never arrive, such as those sent before the far end had its keys, are not waited for again).
    /// </summary>
    public async Task RunAsync(TimeSpan duration)
    {
        for (TimeSpan done = TimeSpan.Zero; done < duration; done += Frame)
        {
            long toAnswerer = Answerer.Counters.PacketsReceived - Offerer.Counters.PacketsSent;
            long toOfferer = Offerer.Counters.PacketsReceived - Answerer.Counters.PacketsSent;
            Time.Advance(Frame);
            var watch = Stopwatch.StartNew();
            while (Answerer.Counters.PacketsReceived - Offerer.Counters.PacketsSent < toAnswerer
                || Offerer.Counters.PacketsReceived - Answerer.Counters.PacketsSent < toOfferer)
            {
                if (watch.Elapsed > TimeSpan.FromSeconds(1))
                {
                    Undelivered++;
                    break;
                }

                await Task.Delay(1);
            }
        }
    }

    public void Dispose()
    {
        Offerer.Dispose();
        Answerer.Dispose();
    }

    private MediaSessionOptions Options(Action<MediaSessionOptions>? configure)
    {
        var options = new MediaSessionOptions
        {
            AddressFilter = address => address.Equals(IPAddress.Loopback),
            IncludeIPv6 = false,
            RtcpInterval = TimeSpan.FromSeconds(1),
            Time = Time,
        };
        configure?.Invoke(options);
        return options;
    }
}
