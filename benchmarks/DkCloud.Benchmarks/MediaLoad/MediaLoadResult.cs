namespace DkCloud.Benchmarks.MediaLoad;

/// <summary>What one step of the media load measured.</summary>
/// <param name="Calls">Loopback calls (two media sessions each) asked for.</param>
/// <param name="Connected">Calls whose both ends completed DTLS.</param>
/// <param name="SetupSeconds">Time to connect every call, offers and handshakes included.</param>
/// <param name="WindowSeconds">Length of the measured window.</param>
/// <param name="CpuPercentOfOneCore">This process's CPU over the window, both ends of every call together.</param>
/// <param name="FramesReceived">Frames every receiving end got in the window.</param>
/// <param name="FramesExpected">50 frames a second for each receiving end.</param>
/// <param name="LongestGapMs">The longest time any receiving end went without a frame.</param>
/// <param name="StreamsWithGaps">Receiving ends that had at least one pause over the gap threshold.</param>
/// <param name="Gaps">Pauses over the gap threshold, all ends together.</param>
/// <param name="StreamsHearingTone">Receiving ends whose dominant frequency is the far end's tone at the end.</param>
/// <param name="AuthenticationFailures">SRTP packets that failed authentication, all ends together.</param>
/// <param name="Threads">Threads of the process at the end of the window.</param>
/// <param name="CpuPressurePercent">The share of the window in which some task on the machine waited for a CPU, when the kernel reports it.</param>
internal sealed record MediaLoadResult(
    int Calls,
    int Connected,
    double SetupSeconds,
    double WindowSeconds,
    double CpuPercentOfOneCore,
    long FramesReceived,
    long FramesExpected,
    double LongestGapMs,
    int StreamsWithGaps,
    long Gaps,
    int StreamsHearingTone,
    long AuthenticationFailures,
    int Threads,
    double? CpuPressurePercent)
{
    /// <summary>CPU per call, both ends in this process.</summary>
    public double CpuPercentPerCall => Connected == 0 ? 0 : CpuPercentOfOneCore / Connected;

    /// <summary>Received frames as a share of the expected ones.</summary>
    public double FramesPercent => FramesExpected == 0 ? 0 : 100.0 * FramesReceived / FramesExpected;
}
