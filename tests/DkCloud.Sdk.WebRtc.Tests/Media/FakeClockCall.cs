using System;
using System.Diagnostics;
using System.Net;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Media;
using Microsoft.Extensions.Time.Testing;

namespace DkCloud.Sdk.WebRtc.Tests.Media;

/// <summary>
/// Two media sessions on loopback (real ICE, DTLS, SRTP sockets) whose clocks (media, ICE, DTLS) are one fake clock:
/// each step advances it by one 20 ms frame, then waits until both media clocks have run that frame and both sides
/// have received what the other sent, so playout is deterministic however loaded the machine is.
/// </summary>
/// <remarks>
/// The fake clock runs due timers on whichever thread reads it or gives it a timer first, and while they run an
/// <see cref="FakeTimeProvider.Advance(TimeSpan)"/> on another thread returns without running any; so a step waits for
/// the media clocks themselves, not only for the packets they send.
/// </remarks>
internal sealed class FakeClockCall : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan IceStep = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(1);

    // Real time without progress after which a DTLS flight counts as lost, and the fake time that sends it again
    // (DtlsSrtpOptions.InitialRetransmissionTimeout; BouncyCastle's own wall-clock wait is over by then too).
    private static readonly TimeSpan DtlsStall = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DtlsRetransmission = TimeSpan.FromSeconds(1);

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

    /// <summary>
    /// Offer, answer, ICE and DTLS. ICE paces and repeats its checks on the clock, so the clock moves until both ends
    /// have selected a pair. The DTLS handshake on loopback needs no time, so the clock then stands still however long
    /// a loaded machine takes over it: no flight is sent again and the handshake timeout comes no nearer. Both media
    /// clocks start at that same instant. A flight lost all the same goes again after a stall.
    /// </summary>
    public static async Task<FakeClockCall> ConnectAsync(Action<MediaSessionOptions>? offerer = null, Action<MediaSessionOptions>? answerer = null)
    {
        var call = new FakeClockCall(offerer, answerer);
        try
        {
            string offer = await call.Offerer.CreateOfferAsync();
            string answer = await call.Answerer.CreateAnswerAsync(offer);
            call.Offerer.ApplyAnswer(answer);
            var watch = Stopwatch.StartNew();
            while (call.Offerer.SelectedPair is null || call.Answerer.SelectedPair is null)
            {
                ThrowAfterLimit(watch, "ICE selected no pair");
                call.Time.Advance(IceStep);
                await Task.Delay(1);
            }

            Task secure = Task.WhenAll(call.Offerer.WhenSecure, call.Answerer.WhenSecure);
            while (await Task.WhenAny(secure, Task.Delay(DtlsStall)) != secure)
            {
                ThrowAfterLimit(watch, "The DTLS handshakes did not finish");
                call.Time.Advance(DtlsRetransmission);
            }

            await secure;
            await call.WaitForMediaClocksAsync();
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
            long rtcpToAnswerer = Answerer.Counters.RtcpPacketsReceived - Offerer.Counters.RtcpPacketsSent;
            long rtcpToOfferer = Offerer.Counters.RtcpPacketsReceived - Answerer.Counters.RtcpPacketsSent;
            Time.Advance(Frame);
            await WaitForMediaClocksAsync();
            var watch = Stopwatch.StartNew();
            while (Answerer.Counters.PacketsReceived - Offerer.Counters.PacketsSent < toAnswerer
                || Offerer.Counters.PacketsReceived - Answerer.Counters.PacketsSent < toOfferer
                || Answerer.Counters.RtcpPacketsReceived - Offerer.Counters.RtcpPacketsSent < rtcpToAnswerer
                || Offerer.Counters.RtcpPacketsReceived - Answerer.Counters.RtcpPacketsSent < rtcpToOfferer)
            {
                if (watch.Elapsed > DeliveryWait)
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

    private static void ThrowAfterLimit(Stopwatch watch, string what)
    {
        if (watch.Elapsed > Limit)
        {
            throw new TimeoutException(what + " within " + Limit + ".");
        }
    }

    /// <summary>Waits until both media clocks have run every frame due by now (wherever the fake clock ran them).</summary>
    private async Task WaitForMediaClocksAsync()
    {
        var watch = Stopwatch.StartNew();
        while (Offerer.FramesRun < Offerer.FramesDue || Answerer.FramesRun < Answerer.FramesDue)
        {
            if (watch.Elapsed > Limit)
            {
                throw new TimeoutException(
                    $"Media clocks behind after {Limit}: offerer ran {Offerer.FramesRun} of {Offerer.FramesDue} frames, answerer {Answerer.FramesRun} of {Answerer.FramesDue}.");
            }

            await Task.Delay(1);
        }
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
