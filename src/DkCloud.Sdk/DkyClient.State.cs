using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.Calls;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Internal;
using DkCloud.Sdk.Models;
using DkCloud.Sdk.Protocol;

namespace DkCloud.Sdk;

/// <content>Agent state (7.2), supervision (7.4) and devices (7.5.5).</content>
public sealed partial class DkyClient
{
    /// <summary>
    /// Sets this agent idle or busy (the JS <c>setAgentState()</c>), or, for a monitor given
    /// <paramref name="agentId"/>, another agent. Busy blocks inbound calls only. Raises <c>dky:agentState</c>.
    /// </summary>
    /// <param name="state">Idle or busy.</param>
    /// <param name="reason">A busy reason configured in the back office (e.g. <c>meeting</c>); null for the default.</param>
    /// <param name="agentId">Another agent (monitors only); null for this agent.</param>
    /// <param name="cancellationToken">Cancels the wait for the answer.</param>
    public async Task SetAgentStateAsync(AgentState state, string? reason = null, string? agentId = null, CancellationToken cancellationToken = default)
    {
        RequestValidator.Defined(state, "setAgentState", "state");
        if (state == Sdk.AgentState.Idle && !string.IsNullOrEmpty(reason))
        {
            throw RequestValidator.Invalid("setAgentState", "reason: only a busy state takes a reason.");
        }

        await SendAsync(WireTypes.SetAgentState, new RequestData()
            .Add("state", (int)state)
            .Add("reason", reason)
            .Add("agentId", string.IsNullOrEmpty(agentId) ? null : agentId), cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(agentId) || IsMe(agentId))
        {
            AgentState = state;
            AgentStateReason = reason;
        }
    }

    /// <summary>Asks the server for this agent's state (the JS <c>agentState()</c>); raises <c>dky:agentState</c>.</summary>
    public async Task<AgentStatus> GetAgentStateAsync(CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync(WireTypes.QueryAgentState, RequestData.Empty, cancellationToken).ConfigureAwait(false);
        var d = answer.Root.TryGetProperty("data", out var el) ? el : default;
        return new AgentStatus
        {
            AgentNumber = MessageDecoder.ReadText(d, "agentNumber"),
            AgentName = MessageDecoder.ReadText(d, "agentName"),
            CrmId = MessageDecoder.ReadText(d, "crmId"),
            CurrentState = MessageDecoder.ReadText(d, "currentState"),
            CurrentStateDuration = ParseDuration(MessageDecoder.ReadText(d, "currentStateTime")),
            LoginDuration = ParseDuration(MessageDecoder.ReadText(d, "loginTime")),
            LastLoginTime = MessageDecoder.ReadText(d, "lastLoginTime"),
            CustomerNumber = MessageDecoder.ReadText(d, "telb"),
            Direction = CallClassifier.ParseDirection(MessageDecoder.ReadText(d, "option")),
            CurrentExtension = MessageDecoder.ReadText(d, "currentExtension"),
        };
    }

    /// <summary>Monitors an agent's call as a monitor (the JS <c>chanspy()</c>); raises <c>dky:chanspy</c>.</summary>
    public async Task ChanspyAsync(ChanspyRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        RequestValidator.Defined(request.Mode, "chanspy", "mode");
        RequestValidator.Defined(request.Point, "chanspy", "point");
        RequestValidator.Required(request.AgentId, "chanspy", "agentId");
        RequestValidator.Required(request.MonitorNumber, "chanspy", "monitorNumber");
        if (request.Point == MonitorPoint.External)
        {
            RequestValidator.PhoneNumber(request.MonitorNumber, "monitorNumber");
        }

        await SendAsync(WireTypes.Chanspy, new RequestData()
            .Add("mode", (int)request.Mode)
            .Add("agentId", request.AgentId)
            .Add("point", (int)request.Point)
            .Add("monitorNumber", request.MonitorNumber), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks the audio devices (the JS <c>checkMedia()</c>) and raises <c>dky:deviceDetection</c>: the softphone's
    /// microphone gives audio and its speaker takes it. Without a softphone the SDK carries no audio, which is
    /// reported as an error with the reason.
    /// </summary>
    public async Task<bool> CheckMediaAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string info;
        bool ok;
        if (_options.Softphone is not { } factory)
        {
            ok = false;
            info = "No softphone: this session carries no audio (DkyOptions.Softphone is not set).";
        }
        else
        {
            var report = await factory.PreflightAsync(_softphone, includeLoopbackCall: false, cancellationToken).ConfigureAwait(false);
            ok = report.MicrophoneWorks != false && report.SpeakerWorks != false;
            info = ok ? "softphone" : string.Join(" ", report.Problems);
        }

        Raise(new DeviceDetectionEventArgs { State = ok ? "success" : "error", Info = info }, EventNames.DeviceDetection);
        return ok;
    }

    /// <summary>
    /// Checks everything a WebRTC agent's calls need before the agent goes idle: microphone level, speaker, the SIP
    /// round trip (once registered), UDP reachability of the configured STUN server (else whether TURN is needed),
    /// and a short local call's MOS. Do not run it during a call.
    /// </summary>
    /// <exception cref="DkyException"><see cref="DkyErrorCodes.SoftphoneRequired"/> without a softphone.</exception>
    public Task<SoftphonePreflightReport> PreflightAsync(CancellationToken cancellationToken = default)
    {
        var factory = _options.Softphone ?? throw new DkyException(DkyErrorCodes.SoftphoneRequired, "A preflight checks the softphone: set DkyOptions.Softphone.", "preflight");
        return factory.PreflightAsync(_softphone, includeLoopbackCall: true, cancellationToken);
    }

    private static TimeSpan? ParseDuration(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var parts = text!.Split(':');
        if (parts.Length == 3 &&
            int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h) &&
            int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) &&
            int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var s))
        {
            return new TimeSpan(h, m, s);
        }

        return null;
    }
}
