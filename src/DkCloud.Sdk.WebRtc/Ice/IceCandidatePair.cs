using System.Globalization;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>A local and a remote candidate of one checklist, with the state of their connectivity checks.</summary>
/// <remarks>Mutable state is changed only under the owning <see cref="IceAgent"/>'s lock.</remarks>
internal sealed class IceCandidatePair
{
    /// <summary>Creates a pair in the Frozen state.</summary>
    public IceCandidatePair(IceCandidate local, IceCandidate remote, IceSocket socket, int generation)
    {
        Local = local;
        Remote = remote;
        Socket = socket;
        Generation = generation;
    }

    /// <summary>The local candidate (its base socket sends the checks and the media).</summary>
    public IceCandidate Local { get; }

    /// <summary>The remote candidate.</summary>
    public IceCandidate Remote { get; }

    /// <summary>The socket of the local candidate's base.</summary>
    public IceSocket Socket { get; }

    /// <summary>The ICE generation (0, then one more per restart) the pair belongs to.</summary>
    public int Generation { get; }

    /// <summary>The check state.</summary>
    public IceCandidatePairState State { get; set; }

    /// <summary>The pair priority for the current roles.</summary>
    public ulong Priority { get; private set; }

    /// <summary>True once nominated (USE-CANDIDATE check succeeded, or received on a valid pair).</summary>
    public bool Nominated { get; set; }

    /// <summary>Controlled side: USE-CANDIDATE arrived before this pair's own check succeeded.</summary>
    public bool NominateOnSuccess { get; set; }

    /// <summary>Recomputes <see cref="Priority"/> after a role change.</summary>
    public void UpdatePriority(IceRole role)
    {
        Priority = role == IceRole.Controlling
            ? IcePriority.Pair(Local.Priority, Remote.Priority)
            : IcePriority.Pair(Remote.Priority, Local.Priority);
    }

    /// <inheritdoc />
    public override string ToString() =>
        Local.EndPoint + " (" + IceCandidate.TypeName(Local.Type) + ") -> " + Remote.EndPoint + " (" + IceCandidate.TypeName(Remote.Type) + ") gen "
        + Generation.ToString(CultureInfo.InvariantCulture);
}
