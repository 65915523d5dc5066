using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using DkCloud.Emulator.Hosting;
using DkCloud.Emulator.Protocol;
using DkCloud.Emulator.State;

namespace DkCloud.Emulator.Core;

/// <summary>Login, logout, extensions and agent state.</summary>
internal sealed partial class EmulatorCore
{
    private JsonObject Login(RequestContext context, bool squeeze)
    {
        var data = context.Data;
        if (!_projects.TryGetValue(context.ProjectId, out var project)
            || !string.Equals(project.Token, Wire.GetString(data, "token"), StringComparison.Ordinal))
        {
            throw new CommandException(ErrorCodes.Forbidden, "token校验失败,无权限");
        }

        var agentType = Wire.GetInt(data, "agentType") ?? 0;
        var agent = agentType == 1
            ? project.Agents.Values.FirstOrDefault(a => a.CrmId.Length > 0 && a.CrmId == context.AgentNumber)
            : project.Agents.GetValueOrDefault(context.AgentNumber);
        if (agent is null)
        {
            throw new CommandException(ErrorCodes.AgentNotFound, "未找到该座席编号");
        }

        var initialState = Wire.GetInt(data, "initialState") ?? 2;
        if (initialState is not (2 or 3))
        {
            throw new CommandException(ErrorCodes.BadRequest, "initialState参数错误,取值为2或3");
        }

        var extensionNumber = Wire.GetString(data, "extensionNumber");
        var extensionType = 0;
        if (!string.IsNullOrEmpty(extensionNumber))
        {
            extensionType = ResolveExtension(agent, extensionNumber, Wire.GetInt(data, "initType"),
                Wire.GetString(data, "extensionPassword"), Wire.GetBool(data, "isEncrypt"), requirePassword: false);
        }

        var connection = context.Connection;
        if (agent.Connection is { } other && other != connection && other.IsOpen)
        {
            if (!squeeze)
            {
                throw new CommandException(ErrorCodes.LoggedInElsewhere, "座席已在其他地方登录");
            }

            SendTo(other, Push(agent, "squeeze", new JsonObject
            {
                ["description"] = "座席已在其他地方登录,当前登录被挤下线",
                ["agentNumber"] = agent.AgentNumber,
            }), closeAfter: true);
            other.Agent = null;
        }

        if (connection.Agent is { } previous && previous != agent && previous.Connection == connection)
        {
            previous.Connection = null;
        }

        if (!string.IsNullOrEmpty(extensionNumber))
        {
            agent.ExtensionNumber = extensionNumber;
            agent.ExtensionType = extensionType;
        }

        // A client coming back after a broken link asks to resume: a session still logged in keeps its state.
        var resumed = agent.LoggedIn && Wire.GetBool(data, "resume");
        if (!agent.LoggedIn)
        {
            agent.LoginTime = Now;
        }

        agent.LoggedIn = true;
        agent.Connection = connection;
        connection.Agent = agent;
        if (agent.Leg is null && !resumed)
        {
            agent.State = initialState;
            agent.Reason = initialState == 3 ? "busy" : "";
            agent.ActivitySince = Now;
        }

        PushRealTimeData(agent);
        return new JsonObject
        {
            ["agentRole"] = (int)agent.Role,
            ["crmId"] = agent.CrmId,
            ["agentId"] = agent.AgentNumber,
            ["pjsipPort"] = PjsipPort,
            ["realm"] = Realm,
            ["webrtcip"] = WebRtcIp,
            ["agentState"] = agent.State,
        };
    }

    /// <summary>Checks that the agent may bind the number and returns its extension type.</summary>
    private int ResolveExtension(AgentData agent, string number, int? requestedType, string? password, bool encrypted, bool requirePassword)
    {
        var project = agent.Project;
        int type;
        if (project.Extensions.TryGetValue(number, out var extension))
        {
            if (requestedType is not null && requestedType != extension.Type)
            {
                throw new CommandException(ErrorCodes.ExtensionUnavailable, "分机不可用");
            }

            type = extension.Type;
            if (password is not null || (requirePassword && type != 3))
            {
                var plain = encrypted && password is not null ? ExtensionPasswordCipher.TryDecrypt(password, project.Token) : password;
                if (!string.Equals(plain, extension.Password, StringComparison.Ordinal))
                {
                    throw new CommandException(ErrorCodes.Forbidden, "分机密码错误");
                }
            }
        }
        else if (requestedType is null or 3 && number.Length == 11 && number.All(char.IsAsciiDigit))
        {
            type = 3;
        }
        else
        {
            throw new CommandException(ErrorCodes.ExtensionNotFound, "分机不存在");
        }

        var user = project.Agents.Values.FirstOrDefault(a => a != agent && a.LoggedIn && a.ExtensionNumber == number);
        if (user is not null)
        {
            throw new CommandException(ErrorCodes.NumberInUse, $"号码:{number}不可用,已被座席:{user.AgentName},工号:{user.AgentNumber}使用");
        }

        return type;
    }

    private JsonObject Logout(RequestContext context, AgentData agent)
    {
        LogOut(agent, unbind: !string.Equals(Wire.GetString(context.Data, "bindState"), "bind", StringComparison.Ordinal));
        return [];
    }

    /// <summary>Ends the agent's session (its socket stays open, logged out).</summary>
    private void LogOut(AgentData agent, bool unbind)
    {
        LeaveCall(agent);
        agent.LoggedIn = false;
        agent.WrapupUntil = null;
        agent.State = 3;
        agent.Reason = "";
        if (unbind)
        {
            agent.ExtensionNumber = null;
            agent.ExtensionType = 0;
        }

        if (agent.Connection is { } connection)
        {
            connection.Agent = null;
            agent.Connection = null;
        }
    }

    private JsonObject Logoff(RequestContext context, AgentData agent)
    {
        var agentId = Wire.GetString(context.Data, "agentId");
        var unbind = !string.Equals(Wire.GetString(context.Data, "bindState"), "bind", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(agentId) || IsSelf(agent, agentId))
        {
            LogOut(agent, unbind);
            return new JsonObject { ["agentId"] = agentId ?? agent.AgentNumber };
        }

        if (agent.Role != EmulatorAgentRole.Monitor)
        {
            throw new CommandException(ErrorCodes.Forbidden, ErrorCodes.NoPermission);
        }

        var target = LoggedInAgent(agent.Project, agentId, ErrorCodes.NotLoggedIn);
        ForceOffline(target, agent.SystemId, unbind);
        return new JsonObject { ["agentId"] = agentId };
    }

    /// <summary>Sends <c>forceOffline</c>, closes the target's socket and logs it out.</summary>
    private void ForceOffline(AgentData target, string monitorAgentId, bool unbind)
    {
        var connection = target.Connection;
        LeaveCall(target);
        if (connection is not null)
        {
            SendTo(connection, Push(target, "forceOffline", new JsonObject
            {
                ["eventMessage"] = "班长执行强制下线,系统已退出",
                ["extension"] = target.SystemExtension,
                ["monitorAgentId"] = monitorAgentId,
                ["requestId"] = Wire.NewRequestId(),
                ["agentNumber"] = target.SystemId,
                ["projectId"] = target.Project.ProjectId,
                ["description"] = "当前座席被强制下线!",
            }), closeAfter: true);
        }

        LogOut(target, unbind);
    }

    private JsonObject RegisterExtension(RequestContext context, AgentData agent)
    {
        RequireNoCall(agent);
        var number = Wire.GetString(context.Data, "extensionNumber");
        if (string.IsNullOrEmpty(number))
        {
            throw new CommandException(ErrorCodes.BadRequest, "extensionNumber不能为空");
        }

        var type = ResolveExtension(agent, number, Wire.GetInt(context.Data, "initType"),
            Wire.GetString(context.Data, "extensionPassword"), Wire.GetBool(context.Data, "isEncrypt"), requirePassword: false);
        agent.ExtensionNumber = number;
        agent.ExtensionType = type;
        return new JsonObject { ["extension"] = number, ["extensionType"] = type };
    }

    private static JsonObject CancelExtension(AgentData agent)
    {
        RequireNoCall(agent);
        agent.ExtensionNumber = null;
        agent.ExtensionType = 0;
        return [];
    }

    private JsonObject SwitchExtension(RequestContext context, AgentData agent)
    {
        RequireNoCall(agent);
        var number = Wire.GetString(context.Data, "extensionNumber");
        if (string.IsNullOrEmpty(number))
        {
            throw new CommandException(ErrorCodes.BadRequest, "extensionNumber不能为空");
        }

        var type = ResolveExtension(agent, number, Wire.GetInt(context.Data, "type"),
            Wire.GetString(context.Data, "extensionPassword"), Wire.GetBool(context.Data, "isEncrypt"), requirePassword: true);
        agent.ExtensionNumber = number;
        agent.ExtensionType = type;
        PushExtensionBindUpdate(agent, "工具条切换绑定分机");
        return new JsonObject { ["extension"] = number, ["extensionType"] = type };
    }

    private JsonObject SetAgentState(RequestContext context, AgentData agent)
    {
        var state = Wire.GetInt(context.Data, "state");
        if (state is not (2 or 3))
        {
            throw new CommandException(ErrorCodes.BadRequest, "state参数错误,取值为2或3");
        }

        var reason = Wire.GetString(context.Data, "reason");
        var agentId = Wire.GetString(context.Data, "agentId");
        if (string.IsNullOrEmpty(agentId) || IsSelf(agent, agentId))
        {
            ApplyState(agent, state.Value, reason);
            return StatePayload(agent, context.RequestId);
        }

        if (agent.Role != EmulatorAgentRole.Monitor)
        {
            throw new CommandException(ErrorCodes.Forbidden, ErrorCodes.NoPermission);
        }

        var target = LoggedInAgent(agent.Project, agentId, ErrorCodes.NotLoggedIn);
        ApplyState(target, state.Value, reason);
        Send(target, Push(target, "agentState", StatePayload(target, Wire.NewRequestId())));
        return StatePayload(target, context.RequestId);
    }

    private void ApplyState(AgentData agent, int state, string? reason)
    {
        agent.State = state;
        agent.Reason = state == 3 ? (string.IsNullOrEmpty(reason) ? "busy" : reason) : reason ?? "";
        agent.ActivitySince = Now;
        if (state == 2)
        {
            agent.WrapupUntil = null;
        }
    }

    private JsonObject QueryAgentState(AgentData agent)
    {
        var now = Now;
        var leg = agent.Leg;
        return new JsonObject
        {
            ["crmId"] = agent.CrmId,
            ["telb"] = leg?.Call.CustomerNumber ?? "",
            ["lastLoginTime"] = Wire.DateTime(agent.LoginTime),
            ["loginTime"] = Wire.Duration(now - agent.LoginTime),
            ["currentStateTime"] = Wire.Duration(now - agent.ActivitySince),
            ["currentExtension"] = agent.ExtensionNumber ?? "",
            ["agentName"] = agent.AgentName,
            ["agentNumber"] = agent.AgentNumber,
            ["currentState"] = StateText(agent, now),
            ["option"] = leg?.Call.Option ?? "",
        };
    }

    private static string StateText(AgentData agent, DateTimeOffset now)
    {
        if (agent.Leg is { } leg)
        {
            return LegStateText(leg);
        }

        if (agent.WrapupUntil is { } until && until > now)
        {
            return "整理";
        }

        return agent.State == 2 ? "空闲" : "置忙";
    }

    private static string LegStateText(CallLeg leg)
    {
        var up = leg.Status == LegStatus.Up;
        var call = leg.Call;
        if (call.Consulted is { } consulted && consulted.Initiator == leg)
        {
            var answered = consulted.Status == LegStatus.Up;
            return consulted.Role switch
            {
                LegRole.Consult => answered ? "咨询通话中" : "发起咨询振铃中",
                LegRole.AttendedTransfer => answered ? "发起咨询转移通话中" : "发起咨询转移振铃中",
                _ => answered ? "咨询三方通话中" : "发起咨询三方振铃中",
            };
        }

        return leg.Role switch
        {
            LegRole.Consult => up ? "被咨询通话中" : "被发起咨询振铃中",
            LegRole.AttendedTransfer => up ? "被发起转移通话中" : "被发起咨询转移振铃中",
            LegRole.BlindTransfer => up ? "被转移通话中" : "被发起转移振铃中",
            LegRole.Meet => up ? "被咨询三方通话中" : "被发起咨询三方振铃中",
            LegRole.Spy => leg.SpyMode switch { 0 => "耳语中", 2 => "强插中", 3 => "监听三方中", _ => "监听中" },
            _ when call.Option == "out" => !up ? "外呼发起" : call.CustomerStatus == CustomerStatus.Ringing ? "外呼振铃中" : "外呼通话中",
            _ => up ? "通话中" : "振铃中",
        };
    }

    private static void RequireNoCall(AgentData agent)
    {
        if (agent.Leg is not null)
        {
            throw new CommandException(ErrorCodes.SystemError, ErrorCodes.CallInProgress);
        }
    }

    private static bool IsSelf(AgentData agent, string agentId) =>
        agentId == agent.AgentNumber || agentId == agent.SystemId;

    /// <summary>Finds an agent of the project by number or system id; it must be logged in.</summary>
    private static AgentData LoggedInAgent(ProjectData project, string agentId, string notLoggedInMessage)
    {
        var number = agentId.Length > project.ProjectId.Length && agentId.StartsWith(project.ProjectId, StringComparison.Ordinal)
            ? agentId[project.ProjectId.Length..]
            : agentId;
        if (!project.Agents.TryGetValue(number, out var agent))
        {
            throw new CommandException(ErrorCodes.AgentNotFound, "未找到该座席编号");
        }

        if (!agent.LoggedIn)
        {
            throw new CommandException(ErrorCodes.AgentNotLoggedIn, notLoggedInMessage);
        }

        return agent;
    }

    // Back-office operations (the public API and the admin HTTP API).
    public void BackOfficeSetState(string projectId, string agentNumber, int state, string? reason)
    {
        if (state is not (2 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "2 idle or 3 busy.");
        }

        using (Atomic())
        {
            var agent = AgentOrThrow(projectId, agentNumber);
            ApplyState(agent, state, reason);
            Send(agent, Push(agent, "agentState", StatePayload(agent, Wire.NewRequestId())));
        }
    }

    public void BackOfficeForceOffline(string projectId, string agentNumber, string monitorAgentId)
    {
        using (Atomic())
        {
            var agent = AgentOrThrow(projectId, agentNumber);
            if (!agent.LoggedIn)
            {
                throw new InvalidOperationException($"Agent '{agentNumber}' is not logged in.");
            }

            ForceOffline(agent, monitorAgentId, unbind: false);
        }
    }

    public void BackOfficeBindExtension(string projectId, string agentNumber, string extensionNumber, int extensionType)
    {
        using (Atomic())
        {
            var agent = AgentOrThrow(projectId, agentNumber);
            if (agent.Leg is not null)
            {
                throw new InvalidOperationException($"Agent '{agentNumber}' is on a call.");
            }

            int type;
            try
            {
                type = ResolveExtension(agent, extensionNumber, extensionType, null, false, requirePassword: false);
            }
            catch (CommandException ex)
            {
                throw new InvalidOperationException($"{ex.Code} {ex.Message}", ex);
            }

            agent.ExtensionNumber = extensionNumber;
            agent.ExtensionType = type;
            PushExtensionBindUpdate(agent, "后台修改绑定分机");
        }
    }

    public bool DropConnection(string projectId, string agentNumber)
    {
        AgentConnection? connection;
        lock (_gate)
        {
            connection = AgentOrThrow(projectId, agentNumber).Connection;
        }

        connection?.Abort();
        return connection is not null;
    }

    public bool StallConnection(string projectId, string agentNumber)
    {
        AgentConnection? connection;
        lock (_gate)
        {
            connection = AgentOrThrow(projectId, agentNumber).Connection;
        }

        if (connection is not null)
        {
            connection.Stalled = true;
        }

        return connection is not null;
    }
}
