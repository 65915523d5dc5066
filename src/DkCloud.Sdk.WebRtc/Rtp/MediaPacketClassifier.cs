using System;

namespace DkCloud.Sdk.WebRtc.Rtp;

/// <summary>Demultiplexes one UDP port (RFC 7983 first-byte ranges, RFC 5761 section 4 rtcp-mux rule).</summary>
internal static class MediaPacketClassifier
{
    /// <summary>Classifies <paramref name="datagram"/> by its first two bytes.</summary>
    public static MediaPacketKind Classify(ReadOnlySpan<byte> datagram)
    {
        if (datagram.IsEmpty)
        {
            return MediaPacketKind.Unknown;
        }

        byte first = datagram[0];
        if (first <= 3)
        {
            return MediaPacketKind.Stun;
        }

        if (first >= 20 && first <= 63)
        {
            return MediaPacketKind.Dtls;
        }

        if (first >= 128 && first <= 191 && datagram.Length >= 2)
        {
            int type = datagram[1] & 0x7F;
            return type >= 64 && type <= 95 ? MediaPacketKind.Rtcp : MediaPacketKind.Rtp;
        }

        return MediaPacketKind.Unknown;
    }
}
