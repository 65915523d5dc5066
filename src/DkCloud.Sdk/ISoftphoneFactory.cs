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
}
