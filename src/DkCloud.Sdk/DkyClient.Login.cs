using System;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Models;
using DkCloud.Sdk.Protocol;
using DkCloud.Sdk.Internal;
using DkCloud.Sdk.Session;
using Microsoft.Extensions.Logging;

namespace DkCloud.Sdk;

/// <content>Login and registration (7.1).</content>
public sealed partial class DkyClient
{
    /// <summary>
    /// Starts the session (the JS <c>init(config)</c>). In <see cref="InitMode.Mixin"/> mode it connects, logs the
    /// agent in, registers the extension and raises <c>dky:init</c>; in <see cref="InitMode.Single"/> mode it only
    /// connects. When the agent is logged in elsewhere it throws <see cref="DkyException"/> with
    /// <see cref="DkyErrorCodes.LoggedInElsewhere"/> and keeps the link open for <see cref="ContinueLoginAsync"/>.
    /// </summary>
    public async Task<InitResult> InitAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Exchange(ref _initializing, 1);
        try
        {
            return await InitCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Exchange(ref _initializing, 0);
        }
    }

    private async Task<InitResult> InitCoreAsync(CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (State == SessionState.Disposed)
            {
                throw new DkyConnectionException(ConnectionFailureKind.Disposed, "The client is disposed.", "init");
            }

            if (State != SessionState.Idle)
            {
                throw RequestValidatorInvalid("init", "The session is already started.");
            }

            await ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Release();
        }

        if (_options.Mode == InitMode.Single)
        {
            return new InitResult { Mode = InitMode.Single };
        }

        try
        {
            var login = await AgentLoginAsync(cancellationToken).ConfigureAwait(false);
            return await FinishMixinAsync(login, cancellationToken).ConfigureAwait(false);
        }
        catch (DkyException ex) when (ex.Code == DkyErrorCodes.LoggedInElsewhere)
        {
            RaiseInitError(ex.ServerMessage);
            throw;
        }
        catch (Exception ex)
        {
            RaiseInitError(ex is DkyException d ? d.ServerMessage : ex.Message);
            await CloseLinkAsync("init failed").ConfigureAwait(false);
            SetState(SessionState.Idle);
            throw;
        }
    }

    /// <summary>
    /// Takes over a login that the server held back because the agent is logged in elsewhere (the demo's
    /// <c>continueLogin()</c>): the other session is pushed out (<c>dky:squeeze</c> there) and this one logs in.
    /// In mixin mode the extension is then registered and <c>dky:init</c> raised, as <see cref="InitAsync"/> would.
    /// </summary>
    public async Task<AgentLoginResult> ContinueLoginAsync(CancellationToken cancellationToken = default)
    {
        var login = await LoginAsync(WireTypes.ContinueLogin, cancellationToken, resume: false, null).ConfigureAwait(false);
        if (_options.Mode == InitMode.Mixin)
        {
            await FinishMixinAsync(login, cancellationToken).ConfigureAwait(false);
        }

        return login;
    }

    /// <summary>Logs the agent in (the JS <c>agentLogin()</c>); <c>dky:agentLogin</c> is raised with the answer.</summary>
    public Task<AgentLoginResult> AgentLoginAsync(CancellationToken cancellationToken = default) =>
        LoginAsync(WireTypes.AgentLogin, cancellationToken, resume: false, null);

    /// <summary>Logs the agent out, keeping or releasing the extension (the JS <c>agentExit(bindState)</c>); raises <c>dky:agentExit</c>.</summary>
    public async Task AgentExitAsync(BindState bindState = BindState.Unbind, CancellationToken cancellationToken = default)
    {
        RequestValidator.Defined(bindState, "agentExit", "bindState");
        await SendAsync(WireTypes.AgentLogout, new RequestData().Add("bindState", BindText(bindState)), cancellationToken).ConfigureAwait(false);
        Login = null;
        SetState(SessionState.Connected);
    }

    /// <summary>
    /// Logs off (the JS <c>logoff()</c>). Without options, or with this agent's id: unregisters the extension
    /// (waiting <see cref="DkyOptions.ExtensionGracePeriod"/> for WebRTC), logs the agent out, raises
    /// <c>dky:logoff</c>, closes the link and ends the session. With another agent's id (monitors only): forces
    /// that agent offline.
    /// </summary>
    public async Task LogoffAsync(LogoffOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LogoffOptions();
        RequestValidator.Defined(options.BindState, "logoff", "bindState");
        if (options.AgentId is { Length: > 0 } other && !IsMe(other))
        {
            await SendAsync(WireTypes.Logoff, new RequestData().Add("agentId", other).Add("bindState", BindText(options.BindState)), cancellationToken).ConfigureAwait(false);
            return;
        }

        var session = RequireSession("logoff");
        await StopSoftphoneAsync(cancellationToken).ConfigureAwait(false);
        if (Login is not null)
        {
            await SendAsync(WireTypes.AgentLogout, new RequestData().Add("bindState", BindText(options.BindState)), cancellationToken).ConfigureAwait(false);
        }

        Raise(new LogoffEventArgs { Mode = ModeText, State = "logoff", Description = "系统注销完成" }, EventNames.Logoff);
        Interlocked.Exchange(ref _ended, 1);
        await session.CloseAsync("logoff").ConfigureAwait(false);
        await CloseLinkAsync("logoff").ConfigureAwait(false);
        Interlocked.Exchange(ref _ended, 0);
        EndSession(SessionEndReason.Logoff, "The agent logged off.");
        await _dispatcher.DrainAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Registers the extension (the JS <c>extensionRegister()</c>); raises <c>dky:extensionRegister</c>. A WebRTC
    /// extension needs <see cref="DkyOptions.Softphone"/>; an IP phone or mobile is bound on the server.
    /// </summary>
    public async Task RegisterExtensionAsync(CancellationToken cancellationToken = default)
    {
        if (_options.InitType == ExtensionType.WebRtc)
        {
            await RegisterSoftphoneAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            RequestValidator.Required(_options.ExtensionNumber, "extensionRegister", "extensionNumber");
            await SendAsync(WireTypes.ExtensionRegister, new RequestData()
                .Add("extensionNumber", _options.ExtensionNumber)
                .Add("initType", (int)_options.InitType), cancellationToken).ConfigureAwait(false);
        }

        ExtensionRegistered = true;
        Raise(new ExtensionRegisterEventArgs { Mode = ModeText, State = "registered", Description = "分机注册完成" }, EventNames.ExtensionRegister);
    }

    /// <summary>Unregisters the extension (the JS <c>extensionCancel()</c>), with the 2 s grace for WebRTC; raises <c>dky:extensionCancel</c>.</summary>
    public async Task UnregisterExtensionAsync(CancellationToken cancellationToken = default)
    {
        if (_options.InitType == ExtensionType.WebRtc)
        {
            await StopSoftphoneAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await SendAsync(WireTypes.ExtensionCancel, RequestData.Empty, cancellationToken).ConfigureAwait(false);
        }

        ExtensionRegistered = false;
        Raise(new ExtensionCancelEventArgs { Mode = ModeText, State = "extensionCancel", Description = "分机注销完成" }, EventNames.ExtensionCancel);
    }

    /// <summary>Binds the agent to another extension or phone (the JS <c>switchExtension()</c>); raises <c>dky:switchExtension</c>.</summary>
    public async Task SwitchExtensionAsync(SwitchExtensionRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        RequestValidator.Defined(request.Type, "switchExtension", "type");
        RequestValidator.Required(request.ExtensionNumber, "switchExtension", "extensionNumber");
        if (request.Type == ExtensionType.WebRtc && _options.Softphone is null)
        {
            throw new DkyException(DkyErrorCodes.SoftphoneRequired, "A WebRTC extension needs DkyOptions.Softphone (package DkCloud.Sdk.WebRtc).", "switchExtension");
        }

        await SendAsync(WireTypes.SwitchExtension, new RequestData()
            .Add("type", (int)request.Type)
            .Add("extensionNumber", request.ExtensionNumber)
            .Add("extensionPassword", request.ExtensionPassword), cancellationToken).ConfigureAwait(false);
        Raise(new SwitchExtensionEventArgs
        {
            Mode = ModeText,
            State = "success",
            Description = "切换分机完成",
            Extension = request.ExtensionNumber,
            ExtensionType = (int)request.Type,
        }, EventNames.SwitchExtension);
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        SetState(SessionState.Connecting);
        Interlocked.Exchange(ref _ended, 0);
        Interlocked.Exchange(ref _endingByServer, 0);
        var session = new AgentSession(_options, _logger, _listener, _connector);
        try
        {
            await session.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            SetState(SessionState.Idle);
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _session = session;
        SetState(SessionState.Connected);
        _heartbeat = new HeartbeatTimer(HeartbeatAsync, _options.TimeProvider, _options.HeartbeatInterval);
        Raise(new AgentWebSocketEventArgs { State = "open" }, EventNames.AgentWebSocketOpen);
        Raise(new NetworkSituationEventArgs { State = "networkConnected" }, EventNames.NetworkSituation);
    }

    /// <param name="type">agentlogin or continuelogin.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <param name="resume">After a reconnect: ask the server to keep the agent's state and call (docs/protocol.md §3.1).</param>
    /// <param name="state">The state to log in with; the configured initial state when null.</param>
    private async Task<AgentLoginResult> LoginAsync(string type, CancellationToken cancellationToken, bool resume, AgentState? state)
    {
        var data = new RequestData()
            .Add("token", _options.Token)
            .Add("agentType", (int)_options.AgentType)
            .Add("initType", (int)_options.InitType)
            .Add("initialState", (int)(state ?? _options.InitialState))
            .Add("extensionNumber", _options.ExtensionNumber)
            .Add("isEncrypt", _options.IsEncrypt);
        if (resume)
        {
            data.Add("resume", true);
        }

        var answer = await SendAsync(type, data, cancellationToken).ConfigureAwait(false);
        var d = answer.Root.TryGetProperty("data", out var el) ? el : default;
        var role = MessageDecoder.ReadText(d, "agentRole") == "2" ? AgentRole.Monitor : AgentRole.Ordinary;
        var stateText = MessageDecoder.ReadText(d, "agentState");
        var login = new AgentLoginResult
        {
            Role = role,
            AgentId = MessageDecoder.ReadText(d, "agentId"),
            CrmId = MessageDecoder.ReadText(d, "crmId"),
            WebrtcIp = MessageDecoder.ReadText(d, "webrtcip"),
            Realm = MessageDecoder.ReadText(d, "realm"),
            PjsipPort = MessageDecoder.ReadText(d, "pjsipPort"),
            State = stateText == "2" ? Sdk.AgentState.Idle : stateText == "3" ? Sdk.AgentState.Busy : _options.InitialState,
        };
        Login = login;
        AgentState = login.State;
        AgentStateReason = null;
        SetState(SessionState.LoggedIn);
        _logger.LogInformation("Agent {Agent} of project {Project} logged in as {Role}.", _options.AgentNumber, _options.ProjectId, role);
        return login;
    }

    private async Task<InitResult> FinishMixinAsync(AgentLoginResult login, CancellationToken cancellationToken)
    {
        await RegisterExtensionAsync(cancellationToken).ConfigureAwait(false);
        Raise(new InitEventArgs
        {
            Mode = "mixin",
            State = "init",
            AgentId = _options.AgentNumber,
            AgentRole = login.Role == AgentRole.Monitor ? "monitor" : "ordinary",
            Description = "系统初始化完成",
        }, EventNames.Init);
        return new InitResult { Mode = InitMode.Mixin, Login = login, ExtensionRegistered = true };
    }

    private async Task RegisterSoftphoneAsync(CancellationToken cancellationToken)
    {
        var factory = _options.Softphone ?? throw new DkyException(
            DkyErrorCodes.SoftphoneRequired,
            "A WebRTC extension carries audio, which needs the softphone: add package DkCloud.Sdk.WebRtc and set DkyOptions.Softphone. Use InitType IpPhone or Mobile for calls without audio in this process.",
            "extensionRegister");
        var login = Login ?? throw RequestValidatorInvalid("extensionRegister", "Log the agent in first: the registration address comes from agent login.");
        var password = _options.ExtensionPassword ?? string.Empty;
        if (_options.IsEncrypt)
        {
            password = DkyCrypto.Decrypt(password, _options.Token);
        }

        var phone = await factory.CreateAsync(new SoftphoneRegistration
        {
            Host = login.WebrtcIp ?? string.Empty,
            Realm = login.Realm ?? string.Empty,
            Port = login.PjsipPort ?? string.Empty,
            ExtensionNumber = _options.ExtensionNumber ?? string.Empty,
            Password = password,
        }, cancellationToken).ConfigureAwait(false);
        phone.SignalingChanged += OnSoftphoneSignaling;
        phone.Probed += OnSoftphoneProbed;
        try
        {
            await phone.RegisterAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            phone.SignalingChanged -= OnSoftphoneSignaling;
            phone.Probed -= OnSoftphoneProbed;
            await phone.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _softphone = phone;
    }

    private void RaiseInitError(string description) =>
        Raise(new InitEventArgs { Mode = ModeText, State = "error", AgentId = _options.AgentNumber, Description = description }, EventNames.Init);

    private string ModeText => _options.Mode == InitMode.Mixin ? "mixin" : "single";

    private static string BindText(BindState state) => state == BindState.Bind ? "bind" : "unbind";

    private static DkyException RequestValidatorInvalid(string command, string message) => Internal.RequestValidator.Invalid(command, message);
}
