using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Media;

namespace DkCloud.Benchmarks.MediaLoad;

/// <summary>
/// N concurrent loopback calls in this process: each is a pair of media sessions on 127.0.0.1 that negotiate
/// (offer, answer, ICE, DTLS-SRTP) and send each other a tone, 440 Hz one way and 1 kHz the other, in Opus (offered
/// first, as by default) or in PCMU. After a settling second every receiving end counts its frames and pauses for the
/// window's length.
/// </summary>
internal static class MediaLoadStep
{
    private const int FramesPerSecond = 50;
    private const int ConnectsInFlight = 8;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    public static async Task<MediaLoadResult> RunAsync(int calls, TimeSpan window, TimeSpan gapThreshold, bool opus, CancellationToken cancellationToken)
    {
        var ends = new List<CallEnd>(calls * 2);
        var connected = 0;
        try
        {
            var setup = Stopwatch.StartNew();
            using (var gate = new SemaphoreSlim(ConnectsInFlight))
            {
                var connecting = new List<Task<bool>>(calls);
                for (var i = 0; i < calls; i++)
                {
                    var offerer = new CallEnd(440, 1000, gapThreshold, opus);
                    var answerer = new CallEnd(1000, 440, gapThreshold, opus);
                    ends.Add(offerer);
                    ends.Add(answerer);
                    connecting.Add(ConnectAsync(offerer, answerer, gate, cancellationToken));
                }

                connected = (await Task.WhenAll(connecting).ConfigureAwait(false)).Count(ok => ok);
            }

            setup.Stop();
            await Task.Delay(Settle, cancellationToken).ConfigureAwait(false);

            using var self = Process.GetCurrentProcess();
            var cpuStart = self.TotalProcessorTime;
            var pressureStart = CpuPressure.Sample();
            var start = Stopwatch.GetTimestamp();
            foreach (var end in ends)
            {
                end.Sink.Open(start);
            }

            await Task.Delay(window, cancellationToken).ConfigureAwait(false);

            var stop = Stopwatch.GetTimestamp();
            foreach (var end in ends)
            {
                end.Sink.Close(stop);
            }

            self.Refresh();
            var cpu = self.TotalProcessorTime - cpuStart;
            var wall = Stopwatch.GetElapsedTime(start, stop);
            var live = ends.Where(e => e.Connected).ToList();
            return new MediaLoadResult(
                calls,
                connected,
                setup.Elapsed.TotalSeconds,
                wall.TotalSeconds,
                100.0 * cpu.TotalSeconds / wall.TotalSeconds,
                live.Sum(e => e.Sink.Frames),
                (long)Math.Round(live.Count * wall.TotalSeconds * FramesPerSecond),
                live.Count == 0 ? 0 : live.Max(e => e.Sink.LongestGap.TotalMilliseconds),
                live.Count(e => e.Sink.Gaps > 0),
                live.Sum(e => e.Sink.Gaps),
                live.Count(e => e.Session.Heard.IsHearing(e.ExpectedTone)),
                ends.Sum(e => e.Session.Counters.SrtpAuthenticationFailures),
                self.Threads.Count,
                CpuPressure.Percent(pressureStart, CpuPressure.Sample(), wall));
        }
        finally
        {
            foreach (var end in ends)
            {
                end.Session.Dispose();
            }
        }
    }

    private static async Task<bool> ConnectAsync(CallEnd offerer, CallEnd answerer, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var offer = await offerer.Session.CreateOfferAsync(cancellationToken).ConfigureAwait(false);
            var answer = await answerer.Session.CreateAnswerAsync(offer, cancellationToken).ConfigureAwait(false);
            offerer.Session.ApplyAnswer(answer);
            await Task.WhenAll(offerer.Session.WhenSecure, answerer.Session.WhenSecure).WaitAsync(ConnectTimeout, cancellationToken).ConfigureAwait(false);
            offerer.Connected = true;
            answerer.Connected = true;
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine($"A loopback call did not connect: {ex.GetType().Name}: {ex.Message}");
            return false;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>One end of a loopback call: its media session, the tone it sends and the tone it should hear.</summary>
    private sealed class CallEnd
    {
        public CallEnd(double sends, double hears, TimeSpan gapThreshold, bool opus)
        {
            ExpectedTone = hears;
            Sink = new FrameArrivalSink(gapThreshold);
            Session = new MediaSession(new MediaSessionOptions
            {
                AddressFilter = address => address.Equals(IPAddress.Loopback),
                IncludeIPv6 = false,
                Source = new ToneFrameSource(sends),
                Sink = Sink,
                OfferOpus = opus,
                PayloadTypes = opus ? [G711.Pcmu, G711.Pcma] : [G711.Pcmu],
            });
        }

        public MediaSession Session { get; }

        public FrameArrivalSink Sink { get; }

        public double ExpectedTone { get; }

        public bool Connected { get; set; }
    }
}
