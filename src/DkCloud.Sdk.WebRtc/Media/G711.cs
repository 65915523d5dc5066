using System;
using DkCloud.Sdk.WebRtc.Codecs;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>G.711 by RTP payload type: 0 is PCMU (mu-law), 8 is PCMA (A-law).</summary>
internal static class G711
{
    /// <summary>The static payload type of PCMU.</summary>
    public const int Pcmu = 0;

    /// <summary>The static payload type of PCMA.</summary>
    public const int Pcma = 8;

    /// <summary>Whether <paramref name="payloadType"/> is PCMU or PCMA.</summary>
    public static bool IsG711(int payloadType) => payloadType is Pcmu or Pcma;

    /// <summary>The codec name of a payload type.</summary>
    public static string NameOf(int payloadType) => payloadType == Pcma ? "PCMA" : "PCMU";

    /// <summary>Encodes samples into one byte each.</summary>
    public static int Encode(int payloadType, ReadOnlySpan<short> samples, Span<byte> codes)
        => payloadType == Pcma ? ALaw.Encode(samples, codes) : MuLaw.Encode(samples, codes);

    /// <summary>Decodes one byte per sample.</summary>
    public static int Decode(int payloadType, ReadOnlySpan<byte> codes, Span<short> samples)
        => payloadType == Pcma ? ALaw.Decode(codes, samples) : MuLaw.Decode(codes, samples);
}
