using System;

namespace DkCloud.Sdk.WebRtc.Codecs;

/// <summary>Creates the encoder and decoder of a negotiated audio codec by its SDP encoding name.</summary>
internal static class AudioCodecFactory
{
    /// <summary>True for PCMU, PCMA and opus.</summary>
    public static bool IsSupported(string encodingName)
        => Is(encodingName, "PCMU") || Is(encodingName, "PCMA") || Is(encodingName, "opus");

    /// <summary>Creates an encoder; <paramref name="remoteFmtp"/> is the remote side's fmtp for the payload type.</summary>
    public static IAudioEncoder CreateEncoder(string encodingName, string? remoteFmtp = null)
    {
        if (Is(encodingName, "PCMU"))
        {
            return new G711Encoder(G711Law.MuLaw);
        }

        if (Is(encodingName, "PCMA"))
        {
            return new G711Encoder(G711Law.ALaw);
        }

        if (Is(encodingName, "opus"))
        {
            return new OpusAudioEncoder(OpusParameters.Parse(remoteFmtp));
        }

        throw new NotSupportedException("Unsupported audio codec " + encodingName + ".");
    }

    /// <summary>Creates a decoder.</summary>
    public static IAudioDecoder CreateDecoder(string encodingName)
    {
        if (Is(encodingName, "PCMU"))
        {
            return new G711Decoder(G711Law.MuLaw);
        }

        if (Is(encodingName, "PCMA"))
        {
            return new G711Decoder(G711Law.ALaw);
        }

        if (Is(encodingName, "opus"))
        {
            return new OpusAudioDecoder();
        }

        throw new NotSupportedException("Unsupported audio codec " + encodingName + ".");
    }

    private static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);
}
