using System;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.Internal;
using DkCloud.Sdk.Models;
using DkCloud.Sdk.Protocol;

namespace DkCloud.Sdk;

/// <content>Call control (7.3).</content>
public sealed partial class DkyClient
{
    /// <summary>
    /// Places an outbound call (the JS <c>callphone()</c>): the server rings the agent's extension, then the
    /// customer. Completes with the call's <c>linkedId</c> when the server accepts it; <c>dky:callphone</c> is
    /// raised, then <c>dky:ring</c>/<c>dky:answer</c>/<c>dky:hangup</c> as the legs progress.
    /// </summary>
    /// <exception cref="DkyException">E.g. <see cref="DkyErrorCodes.Blacklisted"/>, <see cref="DkyErrorCodes.AgentNotLoggedIn"/>,
    /// or <see cref="DkyErrorCodes.InvalidRequest"/> when two caller-ID options are set.</exception>
    public async Task<CallPhoneResult> CallPhoneAsync(CallPhoneRequest request, CancellationToken cancellationToken = default)
    {
        RequestValidator.CallPhone(request);
        var data = new RequestData()
            .Add("callednum", request.CalledNumber)
            .Add("userfield", request.UserField)
            .Add("tag", request.Tag)
            .Add("mobileTelx", request.MobileTelx)
            .Add("fixedTelx", request.FixedTelx)
            .Add("trunkNumberGroups", request.TrunkNumberGroups)
            .Add("callStrategy", (int?)request.CallStrategy)
            .Add("trunkNumberGroupId", request.TrunkNumberGroupId)
            .Add("numberGroupId", request.NumberGroupId)
            .Add("rasrPush", request.RasrPush is bool push ? (push ? 1 : 0) : (int?)null);
        var answer = await SendAsync(WireTypes.PlaceCall, data, cancellationToken).ConfigureAwait(false);
        var linkedId = answer.Root.TryGetProperty("data", out var d) ? MessageDecoder.ReadText(d, "linkedId") : null;
        if (string.IsNullOrEmpty(linkedId))
        {
            throw new DkyException(DkyErrorCodes.ProtocolError, "The server accepted the call but sent no linkedId.", WireTypes.PlaceCall);
        }

        return new CallPhoneResult(linkedId!);
    }

    /// <summary>Answers the ringing call (the JS <c>answer()</c>); <c>dky:answer</c> follows.</summary>
    public async Task AnswerAsync(CancellationToken cancellationToken = default)
    {
        if (_softphone is { } phone)
        {
            await phone.AnswerAsync(cancellationToken).ConfigureAwait(false);
        }

        await SendAsync(WireTypes.Answer, RequestData.Empty, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rejects the ringing inbound call (the demo's <c>reject()</c>); the agent is set busy and <c>dky:incomingNotConnectedHangup</c> follows.</summary>
    public Task RejectAsync(CancellationToken cancellationToken = default) =>
        SendAsync(WireTypes.Reject, RequestData.Empty, cancellationToken);

    /// <summary>
    /// Hangs up (the JS <c>hangup(agentId)</c>): this agent's call, or, for a monitor given another agent's id,
    /// that agent's call. <c>dky:hangup</c> follows.
    /// </summary>
    /// <remarks>A WebRTC extension's own call also ends on the phone (BYE) if the server has not ended it already.</remarks>
    public async Task HangupAsync(string? agentId = null, CancellationToken cancellationToken = default)
    {
        var own = string.IsNullOrEmpty(agentId) || IsMe(agentId);
        await SendAsync(WireTypes.HangupCommand, new RequestData().Add("agentId", string.IsNullOrEmpty(agentId) ? null : agentId), cancellationToken).ConfigureAwait(false);
        if (own && _softphone is { } phone)
        {
            await phone.HangupAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Ends another agent's call as a monitor (the demo's <c>forceHangup({agentId})</c>); raises <c>dky:forceDisconnectCall</c>.</summary>
    public async Task ForceHangupAsync(string agentId, CancellationToken cancellationToken = default)
    {
        RequestValidator.Required(agentId, "forceHangup", "agentId");
        await SendAsync(WireTypes.ForceHangup, new RequestData().Add("agentId", agentId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Holds the call; both sides hear music (the JS <c>hold()</c>); raises <c>dky:hold</c> mode hold.</summary>
    public Task HoldAsync(CancellationToken cancellationToken = default) => SendAsync(WireTypes.Hold, RequestData.Empty, cancellationToken);

    /// <summary>Resumes a held call (the JS <c>unhold()</c>); raises <c>dky:hold</c> mode unhold.</summary>
    public Task UnholdAsync(CancellationToken cancellationToken = default) => SendAsync(WireTypes.Unhold, RequestData.Empty, cancellationToken);

    /// <summary>Mutes the agent side (the JS <c>mute()</c>); a WebRTC softphone also stops sending audio. Raises <c>dky:agentMute</c>.</summary>
    public async Task MuteAsync(CancellationToken cancellationToken = default)
    {
        await SendAsync(WireTypes.Mute, RequestData.Empty, cancellationToken).ConfigureAwait(false);
        _softphone?.SetMuted(true);
    }

    /// <summary>Unmutes the agent side (the JS <c>unmute()</c>); raises <c>dky:agentMute</c> mode unmute.</summary>
    public async Task UnmuteAsync(CancellationToken cancellationToken = default)
    {
        await SendAsync(WireTypes.Unmute, RequestData.Empty, cancellationToken).ConfigureAwait(false);
        _softphone?.SetMuted(false);
    }

    /// <summary>Consults another agent or an external number (the JS <c>consult()</c>); raises <c>dky:consult</c>.</summary>
    public Task ConsultAsync(TransferTarget target, CancellationToken cancellationToken = default) =>
        SendTransferAsync(WireTypes.Consult, "consult", target, cancellationToken);

    /// <summary>Starts an attended transfer (the JS <c>atxfer()</c>); hang up to leave the customer with the target. Raises <c>dky:atxfer</c>.</summary>
    public Task AttendedTransferAsync(TransferTarget target, CancellationToken cancellationToken = default) =>
        SendTransferAsync(WireTypes.AttendedTransfer, "atxfer", target, cancellationToken);

    /// <summary>
    /// Ends a consultation or attended transfer and returns to the customer (the JS <c>atxferHangup()</c>).
    /// When there is none, throws and raises <c>dky:atxferHangup</c> with <c>state</c> error.
    /// </summary>
    public Task AttendedTransferHangupAsync(CancellationToken cancellationToken = default) =>
        SendAsync(WireTypes.AttendedTransferHangup, RequestData.Empty, cancellationToken);

    /// <summary>Transfers the call blind to an agent, number, IVR or queue (the JS <c>blindMove()</c>); raises <c>dky:blindMove</c>.</summary>
    public async Task BlindTransferAsync(BlindTransferRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        RequestValidator.Defined(request.Mode, "blindMove", "mode");
        RequestValidator.Required(request.TransferNumber, "blindMove", "transferNumber");
        if ((request.IvrNodeId is null) != (request.IvrNodeType is null))
        {
            throw RequestValidator.Invalid("blindMove", "ivrNodeId and ivrNodeType go together: set both or neither.");
        }

        if (request.IvrNodeId is not null && request.Mode != BlindTransferMode.Ivr)
        {
            throw RequestValidator.Invalid("blindMove", "ivrNodeId applies to IVR transfers (mode 2) only.");
        }

        await SendAsync(WireTypes.BlindMove, new RequestData()
            .Add("mode", ((int)request.Mode).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("transferNumber", request.TransferNumber)
            .Add("ivrNodeId", request.IvrNodeId)
            .Add("ivrNodeType", request.IvrNodeType), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Brings a third party into the call (the JS <c>meet()</c>); raises <c>dky:meet</c>.</summary>
    public async Task MeetAsync(MeetRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        RequestValidator.Defined(request.Mode, "meet", "mode");
        RequestValidator.Required(request.MeetNumber, "meet", "meetrNumber");
        await SendAsync(WireTypes.Meet, new RequestData()
            .Add("mode", ((int)request.Mode).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("agentId", request.AgentId ?? _options.AgentNumber)
            .Add("meetrNumber", request.MeetNumber), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Leaves a three-way call (the JS <c>meetHangup(type)</c>): <see cref="MeetHangupType.Retrieve"/> takes the
    /// customer back (<c>dky:answer</c>). When not in one, throws and raises <c>dky:meetHangup</c> with error.
    /// </summary>
    public async Task MeetHangupAsync(MeetHangupType type, CancellationToken cancellationToken = default)
    {
        RequestValidator.Defined(type, "meetHangup", "type");
        await SendAsync(WireTypes.MeetHangup, new RequestData().Add("type", type == MeetHangupType.Retrieve ? "retrieve" : "hangup"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the customer to the satisfaction survey (the JS <c>serviceLevel()</c>); raises <c>dky:serviceLevel</c>.</summary>
    public Task ServiceLevelAsync(CancellationToken cancellationToken = default) =>
        SendAsync(WireTypes.ServiceLevel, RequestData.Empty, cancellationToken);

    /// <summary>Sends digits on the call, e.g. an extension behind an IVR (the JS <c>playdtmf()</c>); only 0-9, * and #. Raises <c>dky:play_dtmf</c>. A WebRTC softphone plays the keypad tones to the agent once the server took them.</summary>
    public async Task SendDtmfAsync(string digits, CancellationToken cancellationToken = default)
    {
        RequestValidator.Dtmf(digits);
        await SendAsync(WireTypes.PlayDtmf, new RequestData()
            .Add("digit", digits)
            .Add("agentId", _options.AgentNumber)
            .Add("agentType", (int)_options.AgentType), cancellationToken).ConfigureAwait(false);

        // The server sends the digits into the call; the agent hears what they keyed, as a phone's keypad plays it.
        _softphone?.PlayKeypad(digits);
    }

    /// <summary>
    /// Sets the prompt played to the agent when an outbound call is answered (the JS <c>callAnswerPrompt(url)</c>);
    /// null restores the default beep. https only. Played by the WebRTC softphone.
    /// </summary>
    public void SetCallAnswerPrompt(Uri? url)
    {
        RequestValidator.HttpsUrl(url, "callAnswerPrompt", "url");
        CallAnswerPrompt = url;
    }

    /// <summary>
    /// Answers the agent leg of calls placed by the back end's open API automatically (the JS
    /// <c>setApiCallAutoAnswer('autoAnswer')</c>); false restores manual answering (<c>'recovery'</c>).
    /// </summary>
    public void SetApiCallAutoAnswer(bool enabled) => ApiCallAutoAnswer = enabled;

    private async Task SendTransferAsync(string type, string command, TransferTarget target, CancellationToken cancellationToken)
    {
        if (target is null)
        {
            throw new ArgumentNullException(nameof(target));
        }

        RequestValidator.Defined(target.Mode, command, "mode");
        RequestValidator.Required(target.Number, command, "atxferNumber");
        if (target.Mode == TransferMode.External)
        {
            RequestValidator.PhoneNumber(target.Number, "atxferNumber");
        }

        await SendAsync(type, new RequestData()
            .Add("mode", ((int)target.Mode).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("atxferNumber", target.Number), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a command and throws <see cref="DkyException"/> unless the server answers 200.</summary>
    private async Task<ServerMessage> SendAsync(string type, RequestData data, CancellationToken cancellationToken)
    {
        var session = RequireSession(type);
        var answer = await session.SendAsync(type, data, cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            throw new DkyException(answer.Code, answer.Message, type);
        }

        return answer;
    }
}
