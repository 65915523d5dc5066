using System;
using System.Collections.Generic;
using System.Globalization;
using DkCloud.Sdk.Events;

namespace DkCloud.Sdk.Calls;

/// <summary>Reads the call fields the server sends as text into enums, and works out transfer roles.</summary>
internal static class CallClassifier
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    public static CallLeg ParseLeg(string? value) => value switch
    {
        "agent" => CallLeg.Agent,
        "customer" => CallLeg.Customer,
        _ => CallLeg.Unknown,
    };

    public static CallDirection ParseDirection(string? value) => value switch
    {
        "in" => CallDirection.Inbound,
        "out" => CallDirection.Outbound,
        _ => CallDirection.Unknown,
    };

    public static CallType ParseCallType(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? (CallType)n : CallType.Unknown;

    public static bool IsTransferKind(CallType type) =>
        type is CallType.Transfer or CallType.ConsultTransfer or CallType.Consult;

    /// <summary>
    /// The newest member of <c>transferMessage</c> by <c>transferTime</c>; on equal times the later member
    /// wins. Members without a readable time count as oldest.
    /// </summary>
    public static TransferInfo? Newest(Dictionary<string, TransferInfo>? transfers)
    {
        if (transfers is null || transfers.Count == 0)
        {
            return null;
        }

        TransferInfo? best = null;
        var bestTime = DateTime.MinValue;
        foreach (var item in transfers.Values)
        {
            if (item is null)
            {
                continue;
            }

            var time = ParseTime(item.TransferTime);
            if (best is null || time >= bestTime)
            {
                best = item;
                bestTime = time;
            }
        }

        return best;
    }

    /// <summary>This agent's role in a call event, or <see cref="TransferRole.None"/> when the call is not a transfer.</summary>
    public static TransferRole RoleOf(CallData? data, string projectId, string agentNumber)
    {
        if (data is null || !IsTransferKind(data.CallType))
        {
            return TransferRole.None;
        }

        var newest = Newest(data.TransferMessage);
        if (newest?.InitiateAgentId is null)
        {
            return TransferRole.None;
        }

        return IsSameAgent(newest.InitiateAgentId, projectId, agentNumber) ||
               (data.AgentNumber is not null && newest.InitiateAgentId == data.AgentNumber)
            ? TransferRole.Initiator
            : TransferRole.Target;
    }

    /// <summary>Agent ids come short (<c>1001</c>) or prefixed with the project (<c>100100100101001</c>).</summary>
    public static bool IsSameAgent(string id, string projectId, string agentNumber) =>
        id == agentNumber || id == projectId + agentNumber;

    private static DateTime ParseTime(string? value) =>
        DateTime.TryParseExact(value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : DateTime.MinValue;
}
