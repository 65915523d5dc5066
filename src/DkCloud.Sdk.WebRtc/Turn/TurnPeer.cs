using System.Collections.Generic;
using System.Net;

namespace DkCloud.Sdk.WebRtc.Turn;

/// <summary>What the client knows about one peer address: permission, channel and data waiting for them.</summary>
/// <remarks>Changed only under the owning <see cref="TurnClient"/>'s lock.</remarks>
internal sealed class TurnPeer
{
    /// <summary>At most this many datagrams wait for a permission; older ones are dropped (UDP semantics).</summary>
    public const int MaxQueued = 32;

    /// <summary>Creates the state for <paramref name="endPoint"/>.</summary>
    public TurnPeer(IPEndPoint endPoint)
    {
        EndPoint = endPoint;
    }

    /// <summary>The peer's transport address.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>True once the server has a permission for the peer's IP address.</summary>
    public bool Permitted { get; set; }

    /// <summary>True while a CreatePermission for this peer is in flight.</summary>
    public bool PermissionPending { get; set; }

    /// <summary>The bound channel, or 0.</summary>
    public ushort Channel { get; set; }

    /// <summary>The channel being bound (in flight), or 0.</summary>
    public ushort PendingChannel { get; set; }

    /// <summary>Datagrams sent before the permission existed.</summary>
    public Queue<byte[]> Queued { get; } = new Queue<byte[]>();
}
