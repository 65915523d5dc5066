using System;
using System.Globalization;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Media;
using DkCloud.Sdk.WebRtc.Sip;
using DkCloud.Sdk.WebRtc.Sip.UserAgent;

namespace DkCloud.Samples.Softphone;

/// <summary>
/// A console softphone: registers over SIP/WebSocket, calls or auto-answers, sends a tone or a WAV file, records what it
/// hears, prints milestones and statistics. Exit code 0 when the call was set up and audio was received.
/// </summary>
internal static class Program
{
    private static readonly TimeSpan IncomingWait = TimeSpan.FromSeconds(60);

    public static async Task<int> Main(string[] args)
    {
        SoftphoneArguments? arguments = SoftphoneArguments.Parse(args, out string? error);
        if (arguments is null)
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(SoftphoneArguments.Usage);
            return 2;
        }

        using RecordingFrameSink? recorder = arguments.RecordFile is null ? null : new RecordingFrameSink(arguments.RecordFile);
        IAudioFrameSource source = arguments.VoiceFile is null
            ? new ToneFrameSource(arguments.ToneHz)
            : new VoiceFrameSource(arguments.VoiceFile);
        bool loopbackServer = IPAddress.TryParse(arguments.WebSocket!.Host, out IPAddress? host) && IPAddress.IsLoopback(host);
        var options = new SoftphoneOptions(arguments.WebSocket, arguments.Domain!, arguments.User!, arguments.Password!)
        {
            AutoAnswer = arguments.AutoAnswer,
            MediaOptions = () => new MediaSessionOptions
            {
                Source = source,
                Sink = recorder,
                // A server on loopback (a test rig) only reaches loopback candidates.
                AddressFilter = loopbackServer ? IPAddress.IsLoopback : null,
                IncludeIPv6 = !loopbackServer,
            },
        };

        using var phone = new DkCloud.Sdk.WebRtc.Media.Softphone(options);
        try
        {
            return await RunAsync(phone, arguments).ConfigureAwait(false);
        }
        catch (SipException failure)
        {
            Print("SIP failed: " + failure.Code + " " + failure.Message);
            return 1;
        }
        catch (TimeoutException)
        {
            Print("SIP no call arrived within " + IncomingWait.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s");
            return 1;
        }
    }

    private static async Task<int> RunAsync(DkCloud.Sdk.WebRtc.Media.Softphone phone, SoftphoneArguments arguments)
    {
        await phone.StartAsync().ConfigureAwait(false);
        Print("SIP registered as " + arguments.User + "@" + arguments.Domain);
        SoftphoneCall call;
        if (arguments.Call is not null)
        {
            phone.OutgoingCall += Follow;
            Print("SIP calling " + arguments.Call);
            call = await phone.CallAsync(arguments.Call).ConfigureAwait(false);
        }
        else
        {
            var incoming = new TaskCompletionSource<SoftphoneCall>(TaskCreationOptions.RunContinuationsAsynchronously);
            phone.IncomingCall += c =>
            {
                Follow(c);
                Print("SIP incoming call from " + c.Sip.RemoteUri + ", answering");
                incoming.TrySetResult(c);
            };
            Print("SIP waiting for a call");
            call = await incoming.Task.WaitAsync(IncomingWait).ConfigureAwait(false);
            await call.Sip.WhenEstablished.ConfigureAwait(false);
        }

        Print("SIP answered");
        Task<SipCallEndedEventArgs> ended = call.WhenEnded;
        for (int second = 0; second < arguments.Seconds && !ended.IsCompleted; second++)
        {
            await Task.WhenAny(ended, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false);
            Print(string.Format(CultureInfo.InvariantCulture, "RTP sent {0} received {1} heard {2}",
                call.Media.Counters.PacketsSent, call.Media.Counters.PacketsReceived, HeardText(call.Media)));
        }

        double? heard = call.Media.Heard.DominantFrequency();
        bool remoteEnded = ended.IsCompleted;
        if (!remoteEnded)
        {
            await call.HangupAsync().ConfigureAwait(false);
        }

        SipCallEndedEventArgs reason = await ended.ConfigureAwait(false);
        Print("SIP ended: " + reason);
        Print("STATS " + call.Media.Counters);
        if (call.Media.ReceiveStatistics is { } statistics)
        {
            Print(string.Format(CultureInfo.InvariantCulture, "STATS lost {0} of {1}, jitter {2} samples",
                statistics.CumulativeLost, statistics.Expected, statistics.Jitter));
        }

        Print("HEARD_HZ=" + (heard is double hz ? hz.ToString("0", CultureInfo.InvariantCulture) : "none"));
        await phone.StopAsync().ConfigureAwait(false);
        bool ok = call.Media.Counters.PacketsReceived > 0 && call.Media.Counters.PacketsSent > 0
            && reason.Reason is SipCallEndReason.LocalHangup or SipCallEndReason.RemoteHangup;
        Print(ok ? "RESULT ok" : "RESULT failed");
        return ok ? 0 : 1;
    }

    private static void Follow(SoftphoneCall call)
    {
        call.Sip.Progress += (_, status) => Print("SIP progress " + status.ToString(CultureInfo.InvariantCulture) + (status == 180 ? " (ringing)" : string.Empty));
        call.Media.PairSelected += pair => Print("ICE selected pair " + pair.Local.EndPoint + " <-> " + pair.Remote.EndPoint);
        call.Media.SecureMediaReady += profile => Print("DTLS connected as " + call.Media.DtlsRole + ", SRTP profile " + profile);
        call.Media.FirstPacketReceived += () => Print("RTP first packet received (" + (call.Media.Codec ?? "?") + ")");
        call.Media.Failed += failure => Print("DTLS failed: " + failure.Message);
    }

    private static string HeardText(MediaSession media)
        => media.Heard.DominantFrequency() is double hz ? hz.ToString("0", CultureInfo.InvariantCulture) + " Hz" : "nothing";

    private static void Print(string line)
        => Console.WriteLine(DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) + " " + line);
}
