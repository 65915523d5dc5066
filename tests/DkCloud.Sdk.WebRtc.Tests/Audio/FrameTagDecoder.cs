using System;
using System.Buffers.Binary;
using DkCloud.Sdk.WebRtc.Codecs;

namespace DkCloud.Sdk.WebRtc.Tests.Audio;

/// <summary>A decoder whose payload is a 16-bit tag that becomes every sample, so tests can see which packet played.</summary>
internal sealed class FrameTagDecoder : IAudioDecoder
{
    public const short Concealed = -1;

    public string EncodingName => "tag";

    public int SampleRate => 8000;

    public int ClockRate => 8000;

    public int FrameSamples => 160;

    public bool SupportsForwardErrorCorrection => true;

    public int MaxDecodedSamples => 960;

    public int Resets { get; private set; }

    public static byte[] Payload(short tag)
    {
        var payload = new byte[2];
        BinaryPrimitives.WriteInt16BigEndian(payload, tag);
        return payload;
    }

    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        pcm.Slice(0, 160).Fill(BinaryPrimitives.ReadInt16BigEndian(payload));
        return 160;
    }

    public bool Conceal(ReadOnlySpan<byte> nextPayload, Span<short> pcm)
    {
        if (nextPayload.IsEmpty)
        {
            pcm.Slice(0, 160).Fill(Concealed);
            return false;
        }

        // FEC rebuilds the previous frame: tag of the next packet minus one.
        pcm.Slice(0, 160).Fill((short)(BinaryPrimitives.ReadInt16BigEndian(nextPayload) - 1));
        return true;
    }

    public void Reset() => Resets++;
}
