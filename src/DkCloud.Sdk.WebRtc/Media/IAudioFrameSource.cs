namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>Gives the media session the audio it sends: one 20 ms frame of 8 kHz 16-bit mono PCM at a time.</summary>
internal interface IAudioFrameSource
{
    /// <summary>Fills <paramref name="frame"/> (160 samples) with the next frame of audio.</summary>
    void Read(System.Span<short> frame);
}
