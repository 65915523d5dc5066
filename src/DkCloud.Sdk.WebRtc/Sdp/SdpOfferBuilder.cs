using System;
using System.Collections.Generic;
using System.Globalization;

namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary>
/// Builds a WebRTC audio offer: one <c>m=audio</c> line over <c>UDP/TLS/RTP/SAVPF</c> with rtcp-mux, a mid, the ICE
/// credentials and every candidate, the DTLS fingerprint and setup role.
/// </summary>
internal static class SdpOfferBuilder
{
    /// <summary>The RTP profile of a WebRTC media line.</summary>
    public const string Protocol = "UDP/TLS/RTP/SAVPF";

    /// <summary>Creates the offer.</summary>
    /// <exception cref="ArgumentException">No codec is offered.</exception>
    public static SdpSessionDescription Create(SdpOfferOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (options.Codecs.Count == 0)
        {
            throw new ArgumentException("An offer needs at least one codec.", nameof(options));
        }

        var offer = new SdpSessionDescription(options.Origin)
        {
            Connection = new SdpConnection(options.ConnectionAddress.IndexOf(':') >= 0 ? "IP6" : "IP4", options.ConnectionAddress),
        };
        offer.Timings.Add(new KeyValuePair<ulong, ulong>(0, 0));

        var media = new SdpMediaDescription("audio", options.Port, Protocol);
        foreach (KeyValuePair<int, SdpCodec> codec in options.Codecs)
        {
            media.Formats.Add(codec.Key.ToString(CultureInfo.InvariantCulture));
        }

        media.Attributes.Add("mid", options.Mid);
        if (options.IceUfrag is not null && options.IcePwd is not null)
        {
            media.Attributes.Add("ice-ufrag", options.IceUfrag);
            media.Attributes.Add("ice-pwd", options.IcePwd);
        }

        if (options.Fingerprint is not null)
        {
            media.Attributes.Add("fingerprint", options.Fingerprint.ToString());
            media.Attributes.Add("setup", SdpSessionDescription.ToText(options.Setup));
        }

        foreach (SdpCandidate candidate in options.Candidates)
        {
            media.Attributes.Add("candidate", candidate.ToString());
        }

        if (options.Candidates.Count > 0)
        {
            media.Attributes.Add("end-of-candidates");
        }

        media.Attributes.Add(SdpMediaDescription.ToText(options.Direction));
        media.Attributes.Add("rtcp-mux");
        foreach (KeyValuePair<int, SdpCodec> codec in options.Codecs)
        {
            string payloadType = codec.Key.ToString(CultureInfo.InvariantCulture);
            var map = new SdpRtpMap(codec.Key, codec.Value.Name, codec.Value.ClockRate, codec.Value.Channels > 1 ? codec.Value.Channels : null);
            media.Attributes.Add("rtpmap", map.ToString());
            string? fmtp = codec.Value.Fmtp ?? (codec.Value.IsTelephoneEvent ? "0-16" : null);
            if (fmtp is not null)
            {
                media.Attributes.Add("fmtp", payloadType + " " + fmtp);
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

        offer.Media.Add(media);
        return offer;
    }
}
