using System.Threading;
using System.Threading.Tasks;

namespace DkCloud.Sdk;

/// <summary>
/// Creates the softphone of a WebRTC extension. Implemented by the DkCloud.Sdk.WebRtc package; the core
/// package does not depend on it.
/// </summary>
public interface ISoftphoneFactory
{
    /// <summary>Creates a softphone that registers the extension at the address agent login returned.</summary>
    /// <param name="registration">Where and as whom to register.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    ValueTask<ISoftphone> CreateAsync(SoftphoneRegistration registration, CancellationToken cancellationToken);

    /// <summary>
    /// Checks the audio devices and the network before an agent takes calls. Do not run it during a call: it reads
    /// the microphone and plays a short tone on the speaker.
    /// </summary>
    /// <param name="live">The registered softphone, for the signaling round trip; null before registration.</param>
    /// <param name="includeLoopbackCall">Also run a two-second call between two local media stacks and report its MOS.</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    Task<SoftphonePreflightReport> PreflightAsync(ISoftphone? live, bool includeLoopbackCall, CancellationToken cancellationToken);
}
