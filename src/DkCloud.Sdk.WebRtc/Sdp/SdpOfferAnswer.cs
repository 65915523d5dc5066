using System;
using System.Collections.Generic;
using System.Globalization;

namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary>The answerer side of the offer/answer model (RFC 3264 §6, RFC 8829 for WebRTC specifics).</summary>
internal static class SdpOfferAnswer
{
    /// <summary>
    /// Answers <paramref name="offer"/>. Each audio RTP section takes the offered codecs we support, in the offer's
    /// order and with the offer's payload type numbers; telephone-event is kept only at the clock rate of a kept
    /// codec, and so is CN. A codec with local format parameters (<see cref="SdpCodec.Fmtp"/>) answers with them, any
    /// other echoes the offer's. Other or unsupported sections are rejected with port 0. The direction is the offer's
    /// reversed (sendonly becomes recvonly…) and narrowed by <see cref="SdpAnswerOptions.LocalDirection"/>; the DTLS
    /// role answers actpass with active (RFC 8842 §5.3).
    /// </summary>
    public static SdpSessionDescription CreateAnswer(SdpSessionDescription offer, SdpAnswerOptions options)
    {
        if (offer is null)
        {
            throw new ArgumentNullException(nameof(offer));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var answer = new SdpSessionDescription(options.Origin)
        {
            Connection = new SdpConnection(options.ConnectionAddress.IndexOf(':') >= 0 ? "IP6" : "IP4", options.ConnectionAddress),
        };
        answer.Timings.Add(new KeyValuePair<ulong, ulong>(0, 0));

        var acceptedMids = new List<string>();
        bool candidatesWritten = false;
        foreach (SdpMediaDescription offered in offer.Media)
        {
            List<KeyValuePair<int, SdpCodec>> payloadTypes = SelectPayloadTypes(offered, options.Codecs);
            if (payloadTypes.Count == 0)
            {
                answer.Media.Add(Reject(offered));
                continue;
            }

            var media = new SdpMediaDescription(offered.Media, options.Port, offered.Protocol);
            foreach (KeyValuePair<int, SdpCodec> selected in payloadTypes)
            {
                media.Formats.Add(selected.Key.ToString(CultureInfo.InvariantCulture));
            }

            if (offered.Mid is { } mid)
            {
                media.Attributes.Add("mid", mid);
                acceptedMids.Add(mid);
            }

            AddTransport(offer, offered, media, options, ref candidatesWritten);
            media.Attributes.Add(SdpMediaDescription.ToText(AnswerDirection(offer.GetDirection(offered), options.LocalDirection)));
            if (offered.RtcpMux)
            {
                media.Attributes.Add("rtcp-mux");
            }

            foreach (KeyValuePair<int, SdpCodec> selected in payloadTypes)
            {
                int payloadType = selected.Key;
                media.Attributes.Add("rtpmap", RtpMapFor(offered, payloadType).ToString());
                if ((selected.Value.Fmtp ?? offered.GetFmtp(payloadType)) is { } fmtp)
                {
                    media.Attributes.Add("fmtp", payloadType.ToString(CultureInfo.InvariantCulture) + " " + fmtp);
                }
            }

            if (options.Ptime is int ptime)
            {
                media.Attributes.Add("ptime", ptime.ToString(CultureInfo.InvariantCulture));
            }

            if (options.Ssrc is uint ssrc && options.Cname is not null)
            {
                media.Attributes.Add("ssrc", new SdpSsrc(ssrc, "cname", options.Cname).ToString());
            }

            answer.Media.Add(media);
        }

        List<string> bundle = new();
        foreach (string mid in offer.BundleGroup)
        {
            if (acceptedMids.Contains(mid))
            {
                bundle.Add(mid);
            }
        }

        if (bundle.Count > 0)
        {
            answer.Attributes.Add("group", "BUNDLE " + string.Join(" ", bundle));
        }

        return answer;
    }

    /// <summary>The answer's direction: the offer's reversed, narrowed by what the local side wants.</summary>
    public static SdpDirection AnswerDirection(SdpDirection offered, SdpDirection local)
    {
        // We may send only if the offerer receives, and receive only if the offerer sends.
        bool send = (offered is SdpDirection.SendRecv or SdpDirection.RecvOnly) && (local is SdpDirection.SendRecv or SdpDirection.SendOnly);
        bool receive = (offered is SdpDirection.SendRecv or SdpDirection.SendOnly) && (local is SdpDirection.SendRecv or SdpDirection.RecvOnly);
        return (send, receive) switch
        {
            (true, true) => SdpDirection.SendRecv,
            (true, false) => SdpDirection.SendOnly,
            (false, true) => SdpDirection.RecvOnly,
            _ => SdpDirection.Inactive,
        };
    }

    /// <summary>The answer's DTLS role for an offered one (RFC 4145 §4.1, RFC 8842 §5.3).</summary>
    public static SdpSetupRole AnswerSetup(SdpSetupRole? offered) => offered switch
    {
        SdpSetupRole.Active => SdpSetupRole.Passive,
        SdpSetupRole.HoldConn => SdpSetupRole.HoldConn,
        _ => SdpSetupRole.Active,
    };

    private static List<KeyValuePair<int, SdpCodec>> SelectPayloadTypes(SdpMediaDescription offered, IReadOnlyList<SdpCodec> codecs)
    {
        var selected = new List<KeyValuePair<int, SdpCodec>>();
        if (!string.Equals(offered.Media, "audio", StringComparison.Ordinal) || !offered.IsRtp || offered.Port == 0)
        {
            return selected;
        }

        var rates = new HashSet<int>();
        foreach (int payloadType in offered.PayloadTypes)
        {
            SdpRtpMap? map = TryRtpMapFor(offered, payloadType);
            SdpCodec? codec = map is null ? null : Find(codecs, map);
            if (codec is null)
            {
                continue;
            }

            if (codec.IsAudio)
            {
                rates.Add(codec.ClockRate);
            }

            selected.Add(new KeyValuePair<int, SdpCodec>(payloadType, codec));
        }

        // telephone-event and CN only go with an audio codec of the same clock rate.
        selected.RemoveAll(entry => !rates.Contains(entry.Value.ClockRate));
        return selected;
    }

    private static SdpCodec? Find(IReadOnlyList<SdpCodec> codecs, SdpRtpMap map)
    {
        foreach (SdpCodec codec in codecs)
        {
            if (map.Matches(codec.Name, codec.ClockRate, codec.Channels))
            {
                return codec;
            }
        }

        return null;
    }

    private static SdpRtpMap? TryRtpMapFor(SdpMediaDescription media, int payloadType)
        => media.GetRtpMap(payloadType) ?? payloadType switch
        {
            0 => new SdpRtpMap(0, "PCMU", 8000),
            8 => new SdpRtpMap(8, "PCMA", 8000),
            13 => new SdpRtpMap(13, "CN", 8000),
            _ => null,
        };

    private static SdpRtpMap RtpMapFor(SdpMediaDescription media, int payloadType) => TryRtpMapFor(media, payloadType)!;

    private static SdpMediaDescription Reject(SdpMediaDescription offered)
    {
        var rejected = new SdpMediaDescription(offered.Media, 0, offered.Protocol);
        rejected.Formats.Add(offered.Formats[0]);
        if (offered.Mid is { } mid)
        {
            rejected.Attributes.Add("mid", mid);
        }

        return rejected;
    }

    private static void AddTransport(SdpSessionDescription offer, SdpMediaDescription offered, SdpMediaDescription media, SdpAnswerOptions options, ref bool candidatesWritten)
    {
        if (options.IceUfrag is not null && options.IcePwd is not null)
        {
            media.Attributes.Add("ice-ufrag", options.IceUfrag);
            media.Attributes.Add("ice-pwd", options.IcePwd);
            if (options.Trickle && System.Linq.Enumerable.Contains(offer.GetIceOptions(offered), "trickle"))
            {
                media.Attributes.Add("ice-options", "trickle");
            }
        }

        if (options.Fingerprint is not null)
        {
            media.Attributes.Add("fingerprint", options.Fingerprint.ToString());
            media.Attributes.Add("setup", SdpSessionDescription.ToText(AnswerSetup(offer.GetSetup(offered))));
        }

        if (!candidatesWritten && options.IceUfrag is not null)
        {
            foreach (SdpCandidate candidate in options.Candidates)
            {
                media.Attributes.Add("candidate", candidate.ToString());
            }

            if (options.EndOfCandidates)
            {
                media.Attributes.Add("end-of-candidates");
            }

            candidatesWritten = true;
        }
    }
}
