namespace DkCloud.Sdk.WebRtc.Audio;

/// <summary>One packet held by the jitter buffer; the payload array is allocated once and reused.</summary>
internal sealed class JitterBufferSlot
{
    /// <summary>Largest payload kept; larger ones are refused.</summary>
    public const int Capacity = 1500;

    /// <summary>True while the slot holds a packet.</summary>
    public bool InUse { get; set; }

    /// <summary>The RTP timestamp extended to 64 bits across wraps.</summary>
    public long Timestamp { get; set; }

    /// <summary>The RTP sequence number.</summary>
    public ushort Sequence { get; set; }

    /// <summary>The payload type.</summary>
    public byte PayloadType { get; set; }

    /// <summary>Payload bytes in use.</summary>
    public int Length { get; set; }

    /// <summary>The payload storage.</summary>
    public byte[] Payload { get; } = new byte[Capacity];
}
