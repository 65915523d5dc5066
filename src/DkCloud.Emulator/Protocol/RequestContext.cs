using System.Text.Json.Nodes;
using DkCloud.Emulator.Hosting;

namespace DkCloud.Emulator.Protocol;

/// <summary>One request being handled.</summary>
internal sealed record RequestContext(
    AgentConnection Connection,
    string Type,
    string RequestId,
    string ProjectId,
    string AgentNumber,
    JsonObject Data);
