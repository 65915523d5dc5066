using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Dtls;
using DkCloud.Sdk.WebRtc.Media;
using DkCloud.Sdk.WebRtc.Sdp;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Media;

/// <summary>Two media sessions on loopback with G.711 only: offer, answer, ICE, DTLS-SRTP, paced tones both ways.</summary>
public class MediaSessionTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private static MediaSession Create(double toneHz, int[]? payloadTypes = null, bool opus = false) => new(new MediaSessionOptions
    {
        RtcpInterval = TimeSpan.FromMilliseconds(200),
        AddressFilter = address => address.Equals(IPAddress.Loopback),
        IncludeIPv6 = false,
        Source = new ToneFrameSource(toneHz),
        PayloadTypes = payloadTypes ?? [0, 8],
        OfferOpus = opus,
    });

    private static async Task<(MediaSession Offerer, MediaSession Answerer)> ConnectAsync(MediaSession offerer, MediaSession answerer)
    {
        string offer = await offerer.CreateOfferAsync();
        string answer = await answerer.CreateAnswerAsync(offer);
        offerer.ApplyAnswer(answer);
        await offerer.WhenSecure.WaitAsync(Limit);
        await answerer.WhenSecure.WaitAsync(Limit);
        return (offerer, answerer);
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < Limit)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }

    [Fact]
    public async Task Offer_and_answer_carry_a_tone_each_way_with_the_offerer_as_dtls_server()
    {
        using MediaSession offerer = Create(440);
        using MediaSession answerer = Create(1000);
        await ConnectAsync(offerer, answerer);

        Assert.Equal(DtlsRole.Server, offerer.DtlsRole);
        Assert.Equal(DtlsRole.Client, answerer.DtlsRole);
        SdpMediaDescription answered = SdpSessionDescription.Parse(answerer.LocalSdp!).Media[0];
        Assert.Equal(SdpSetupRole.Active, answered.Setup);
        Assert.Equal(0, offerer.PayloadType);
        Assert.Equal(0, answerer.PayloadType);

        Assert.True(await EventuallyAsync(() => answerer.Heard.IsHearing(440)), "answerer hears " + answerer.Heard.DominantFrequency());
        Assert.True(await EventuallyAsync(() => offerer.Heard.IsHearing(1000)), "offerer hears " + offerer.Heard.DominantFrequency());
        Assert.InRange(answerer.Heard.DominantFrequency()!.Value, 430, 450);
        Assert.InRange(offerer.Heard.DominantFrequency()!.Value, 990, 1010);
        Assert.True(await EventuallyAsync(() => offerer.Counters.PacketsSent > 20 && answerer.Counters.PacketsReceived > 20));
        Assert.Equal(160 * answerer.Counters.PacketsReceived, answerer.Counters.BytesReceived);
        Assert.Equal(0, answerer.Counters.SrtpAuthenticationFailures);
        Assert.Equal(0, offerer.Counters.SrtpAuthenticationFailures);
        Assert.True(await EventuallyAsync(() => answerer.Counters.RtcpPacketsReceived >= 2 && offerer.Counters.RtcpPacketsReceived >= 2), offerer.Counters + " / " + answerer.Counters);
    }

    [Fact]
    public async Task Calls_hold_no_thread_each_once_media_is_secure()
    {
        const int Calls = 6;
        var sessions = new List<MediaSession>();
        try
        {
            var connecting = new List<Task>();
            for (int i = 0; i < Calls; i++)
            {
                MediaSession offerer = Create(440);
                MediaSession answerer = Create(1000);
                sessions.Add(offerer);
                sessions.Add(answerer);
                connecting.Add(ConnectAsync(offerer, answerer));
            }

            await Task.WhenAll(connecting);

            // Every session's DTLS handshake thread has ended: the calls run on the shared media clock and on the
            // sockets' receive callbacks alone.
            await Task.WhenAll(sessions.Select(s => s.DtlsTransport!.HandshakeThread!)).WaitAsync(Limit);
            Assert.All(sessions, s => Assert.True(s.DtlsTransport!.IsConnected));
            Assert.True(await EventuallyAsync(() => sessions.All(s => s.Counters.PacketsReceived > 10)));
        }
        finally
        {
            foreach (MediaSession session in sessions)
            {
                session.Dispose();
            }
        }
    }

    [Fact]
    public async Task Answer_keeps_the_offer_order_and_payload_types_and_pcma_is_used_when_offered_first()
    {
        using MediaSession offerer = Create(600, [8, 0]);
        using MediaSession answerer = Create(1500);
        await ConnectAsync(offerer, answerer);

        SdpMediaDescription answered = SdpSessionDescription.Parse(answerer.LocalSdp!).Media[0];
        Assert.Equal(new[] { 8, 0, 101 }, answered.PayloadTypes);
        Assert.Equal(8, answerer.PayloadType);
        Assert.Equal(8, offerer.PayloadType);
        Assert.True(await EventuallyAsync(() => answerer.Heard.IsHearing(600)), "answerer hears " + answerer.Heard.DominantFrequency());
        Assert.True(await EventuallyAsync(() => offerer.Heard.IsHearing(1500)), "offerer hears " + offerer.Heard.DominantFrequency());
    }

    [Fact]
    public async Task Muted_session_keeps_sending_packets_of_silence()
    {
        using MediaSession offerer = Create(440);
        using MediaSession answerer = Create(1000);
        await ConnectAsync(offerer, answerer);
        Assert.True(await EventuallyAsync(() => answerer.Heard.IsHearing(440)));

        offerer.Muted = true;
        Assert.True(await EventuallyAsync(() => answerer.Heard.DominantFrequency() is null), "still hears " + answerer.Heard.DominantFrequency());
        long before = answerer.Counters.PacketsReceived;
        Assert.True(await EventuallyAsync(() => answerer.Counters.PacketsReceived > before + 10));

        offerer.Muted = false;
        Assert.True(await EventuallyAsync(() => answerer.Heard.IsHearing(440)));
    }

    [Fact]
    public async Task Remote_sendonly_offer_puts_us_on_hold_and_sendrecv_resumes()
    {
        using MediaSession offerer = Create(440);
        using MediaSession answerer = Create(1000);
        await ConnectAsync(offerer, answerer);
        Assert.True(await EventuallyAsync(() => offerer.Heard.IsHearing(1000)));

        string hold = offerer.LocalSdp!.Replace("a=sendrecv", "a=sendonly", StringComparison.Ordinal);
        string holdAnswer = await answerer.AnswerAsync(null!, hold, default);
        Assert.Equal(SdpDirection.RecvOnly, SdpSessionDescription.Parse(holdAnswer).Media[0].Direction);
        Assert.Equal(SdpSetupRole.Active, SdpSessionDescription.Parse(holdAnswer).Media[0].Setup);
        Assert.False(answerer.IsSending);
        await Task.Delay(200);
        long received = offerer.Counters.PacketsReceived;
        await Task.Delay(300);
        Assert.Equal(received, offerer.Counters.PacketsReceived);

        string resume = await answerer.AnswerAsync(null!, offerer.LocalSdp!, default);
        Assert.Equal(SdpDirection.SendRecv, SdpSessionDescription.Parse(resume).Media[0].Direction);
        Assert.True(answerer.IsSending);
        Assert.True(await EventuallyAsync(() => offerer.Counters.PacketsReceived > received + 10));
    }

    [Fact]
    public async Task Answer_to_an_opus_only_offer_is_refused_when_opus_is_off()
    {
        using MediaSession answerer = Create(1000);
        const string offer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
            "m=audio 40000 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\na=ice-ufrag:abcd\r\na=ice-pwd:abcdabcdabcdabcdabcdabcd\r\n" +
            "a=fingerprint:sha-256 AB:AB\r\na=setup:actpass\r\n";
        await Assert.ThrowsAsync<InvalidOperationException>(() => answerer.CreateAnswerAsync(offer));
    }
}
