namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>Receives the decoded audio of the remote party: 8 kHz 16-bit mono PCM, one RTP packet's worth per call.</summary>
internal interface IAudioFrameSink
{
    /// <summary>Takes one decoded frame; called on the receive path, so it must not block.</summary>
    void Write(System.ReadOnlySpan<short> frame);
}
