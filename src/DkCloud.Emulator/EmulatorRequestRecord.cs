using System;

namespace DkCloud.Emulator;

/// <summary>One request the emulator received (never with its token or passwords).</summary>
public sealed class EmulatorRequestRecord
{
    /// <summary>The request type, e.g. <c>placecall</c>; requests of the open HTTP API are named <c>openapi/placecall</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The project named in the request.</summary>
    public required string ProjectId { get; init; }

    /// <summary>The agent named in the request.</summary>
    public required string AgentNumber { get; init; }

    /// <summary>When the emulator received it, by its <see cref="EmulatorOptions.TimeProvider"/>.</summary>
    public DateTimeOffset Time { get; init; }
}
