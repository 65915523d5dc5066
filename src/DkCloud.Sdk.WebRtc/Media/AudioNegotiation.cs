using System;
using System.Collections.Generic;
using DkCloud.Sdk.WebRtc.Sdp;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>
/// The codecs a <see cref="MediaSession"/> offers and accepts, and the choice of the send codec once both
/// descriptions are known: the first codec of the answer that both sides support (RFC 3264 §6.1 lets the offerer's
/// order decide), telephone-event at that codec's clock rate when there is one, CN only beside an 8 kHz codec.
/// </summary>
internal static class AudioNegotiation
{
    /// <summary>The codecs of our offer with their payload types, in preference order.</summary>
    public static List<KeyValuePair<int, SdpCodec>> OfferCodecs(MediaSessionOptions options)
    {
        var codecs = new List<KeyValuePair<int, SdpCodec>>();
        if (options.OfferOpus)
        {
            codecs.Add(new KeyValuePair<int, SdpCodec>(options.OpusPayloadType, SdpCodec.OpusWithFec));
        }

        foreach (int payloadType in options.PayloadTypes)
        {
            if (G711.IsG711(payloadType))
            {
                codecs.Add(new KeyValuePair<int, SdpCodec>(payloadType, payloadType == G711.Pcma ? SdpCodec.Pcma : SdpCodec.Pcmu));
            }
        }

        if (options.OfferComfortNoise)
        {
            codecs.Add(new KeyValuePair<int, SdpCodec>(13, SdpCodec.ComfortNoise8000));
        }

        if (options.OfferOpus)
        {
            codecs.Add(new KeyValuePair<int, SdpCodec>(options.OpusTelephoneEventPayloadType, SdpCodec.TelephoneEvent48000));
        }

        codecs.Add(new KeyValuePair<int, SdpCodec>(options.TelephoneEventPayloadType, SdpCodec.TelephoneEvent8000));
        return codecs;
    }

    /// <summary>The codecs we accept when answering; the offer's order and numbers decide.</summary>
    public static List<SdpCodec> AnswerCodecs(MediaSessionOptions options)
    {
        var codecs = new List<SdpCodec>();
        foreach (KeyValuePair<int, SdpCodec> entry in OfferCodecs(options))
        {
            codecs.Add(entry.Value);
        }

        if (!options.OfferComfortNoise)
        {
            // We can always play CN the far end sends beside G.711, even if we do not offer it.
            codecs.Add(SdpCodec.ComfortNoise8000);
        }

        return codecs;
    }

    /// <summary>
    /// Chooses the send codec. <paramref name="remote"/> is the far end's description (its payload type numbers are
    /// what we send with, its fmtp what it wants to receive), <paramref name="local"/> ours (the numbers we receive
    /// on); the first codec of <paramref name="remote"/>'s list that <paramref name="local"/> also has and we support
    /// wins.
    /// </summary>
    /// <returns>The choice, or null when there is no common audio codec.</returns>
    public static AudioCodecChoice? Choose(SdpMediaDescription remote, SdpMediaDescription local, MediaSessionOptions options)
    {
        if (remote is null)
        {
            throw new ArgumentNullException(nameof(remote));
        }

        if (local is null)
        {
            throw new ArgumentNullException(nameof(local));
        }

        List<SdpCodec> supported = AnswerCodecs(options);
        foreach (int payloadType in remote.PayloadTypes)
        {
            SdpCodec? codec = Supported(supported, RtpMapOf(remote, payloadType));
            if (codec is null || !codec.IsAudio || FindPayloadType(local, codec) is not int receive)
            {
                continue;
            }

            var choice = new AudioCodecChoice(codec.Name, codec.ClockRate, (byte)payloadType, (byte)receive, remote.GetFmtp(payloadType));
            return WithExtras(choice, remote, local);
        }

        return null;
    }

    private static AudioCodecChoice WithExtras(AudioCodecChoice choice, SdpMediaDescription remote, SdpMediaDescription local)
    {
        // telephone-event at the codec's rate (RFC 4733 §2.1), else at any rate both have (baresip offers only /8000).
        foreach (int rate in new[] { choice.ClockRate, 8000, 48000 })
        {
            var telephoneEvent = new SdpCodec("telephone-event", rate);
            if (FindPayloadType(remote, telephoneEvent) is int send && FindPayloadType(local, telephoneEvent) is int receive)
            {
                choice.TelephoneEventPayloadType = (byte)send;
                choice.ReceiveTelephoneEventPayloadType = (byte)receive;
                choice.TelephoneEventClockRate = rate;
                break;
            }
        }

        if (choice.ClockRate == 8000 && FindPayloadType(remote, SdpCodec.ComfortNoise8000) is int noise && FindPayloadType(local, SdpCodec.ComfortNoise8000) == noise)
        {
            choice.ComfortNoisePayloadType = (byte)noise;
        }

        return choice;
    }

    private static int? FindPayloadType(SdpMediaDescription media, SdpCodec codec)
    {
        foreach (int payloadType in media.PayloadTypes)
        {
            if (Describes(RtpMapOf(media, payloadType), codec))
            {
                return payloadType;
            }
        }

        return null;
    }

    private static SdpCodec? Supported(List<SdpCodec> supported, SdpRtpMap? map)
    {
        foreach (SdpCodec codec in supported)
        {
            if (Describes(map, codec))
            {
                return codec;
            }
        }

        return null;
    }

    private static bool Describes(SdpRtpMap? map, SdpCodec codec)
    {
        if (map is null || !string.Equals(map.EncodingName, codec.Name, StringComparison.OrdinalIgnoreCase) || map.ClockRate != codec.ClockRate)
        {
            return false;
        }

        // Opus is always opus/48000/2 (RFC 7587 §7), but some peers leave the channel count out.
        return (map.Channels ?? 1) == codec.Channels || string.Equals(codec.Name, "opus", StringComparison.OrdinalIgnoreCase);
    }

    private static SdpRtpMap? RtpMapOf(SdpMediaDescription media, int payloadType)
        => media.GetRtpMap(payloadType) ?? payloadType switch
        {
            0 => new SdpRtpMap(0, "PCMU", 8000),
            8 => new SdpRtpMap(8, "PCMA", 8000),
            13 => new SdpRtpMap(13, "CN", 8000),
            _ => null,
        };
}
