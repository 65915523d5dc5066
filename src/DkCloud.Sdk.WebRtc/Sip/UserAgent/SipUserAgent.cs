using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Sip.Registration;
using DkCloud.Sdk.WebRtc.Sip.Transactions;
using DkCloud.Sdk.WebRtc.Sip.Transport;

namespace DkCloud.Sdk.WebRtc.Sip.UserAgent;

/// <summary>
/// A SIP-over-WebSocket user agent as a browser with JsSIP is one: it registers, answers and places calls, handles
/// in-dialog requests both ways and probes the server with OPTIONS. Layers: transport (reconnecting WebSocket) →
/// <see cref="SipTransactionLayer"/> → this core, which owns the dialogs, so a reconnect re-registers without ending
/// calls.
/// </summary>
/// <remarks>
/// Threading: messages are handled on the transport's receive thread and timers on timer threads, all under one
/// lock (<see cref="Gate"/>), which is never held while user code runs. Every event (on the agent and on calls) is
/// raised through one ordered <see cref="SipEventDispatcher"/> on the thread pool. Public methods are thread-safe.
/// </remarks>
internal sealed partial class SipUserAgent : IDisposable
{
    private readonly ISipTransport _transport;
    private readonly SipEventDispatcher _dispatcher = new();
    private readonly List<SipCall> _calls = new();
    private readonly SipOptionsProber? _prober;
    private bool _started;
    private bool _stopped;

    /// <summary>Creates a user agent over <paramref name="transport"/>.</summary>
    public SipUserAgent(SipUserAgentOptions options, ISipTransport transport, TimeProvider? time = null)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        Time = time ?? TimeProvider.System;
        Factory = new SipRequestFactory(new SipWebSocketIdentity(Guid.NewGuid()), options.UserAgent, options.Outbound);
        Layer = new SipTransactionLayer(_transport.Send, _transport.IsReliable, options.Timers, Time);
        Credentials = new DigestCredentials(options.AuthorizationUser ?? options.User, options.Password);
        var registrationOptions = new SipRegistrationOptions(new SipUri("sip", null, options.Domain), options.AddressOfRecord, Credentials)
        {
            Expires = options.RegisterExpires,
            RefreshMargin = options.RegisterRefreshMargin,
        };
        Registration = new SipRegistration(Layer, Factory, registrationOptions, Time, _dispatcher.Post);
        Registration.StateChanged += args => RegistrationStateChanged?.Invoke(args);
        if (options.OptionsProbes)
        {
            var random = new Random();
            _prober = new SipOptionsProber(
                SendOptionsToServerAsync, Time, options.Random ?? (() => { lock (random) { return random.NextDouble(); } }),
                options.OptionsProbeMinInterval, options.OptionsProbeMaxInterval, args => Post(() => OptionsProbe?.Invoke(args)));
        }

        _dispatcher.HandlerFailed += exception => HandlerFailed?.Invoke(exception);
        _transport.MessageReceived += OnMessage;
        _transport.Connected += OnConnected;
        _transport.Disconnected += error => Post(() => Disconnected?.Invoke(error));
        _transport.Failed += error => Post(() => TransportFailed?.Invoke(error));
        Layer.RequestReceived += OnRequest;
        Layer.AckReceived += OnAck;
        Layer.CancelReceived += OnCancel;
        Layer.StraySuccess += OnStraySuccess;
    }

    /// <summary>A call arrived (180 Ringing was sent); answer or reject it.</summary>
    public event Action<SipCall>? IncomingCall;

    /// <summary>The registration changed state.</summary>
    public event Action<SipRegistrationStateChangedEventArgs>? RegistrationStateChanged;

    /// <summary>An OPTIONS probe to the server finished.</summary>
    public event Action<SipOptionsProbeEventArgs>? OptionsProbe;

    /// <summary>The signaling connection is up; true after a reconnect (the registration is then renewed).</summary>
    public event Action<bool>? Connected;

    /// <summary>The signaling connection was lost; calls stay up while it reconnects.</summary>
    public event Action<Exception?>? Disconnected;

    /// <summary>Reconnecting gave up.</summary>
    public event Action<SipException>? TransportFailed;

    /// <summary>An event handler threw; the exception did not reach the SIP stack.</summary>
    public event Action<Exception>? HandlerFailed;

    /// <summary>The settings.</summary>
    public SipUserAgentOptions Options { get; }

    /// <summary>The registration.</summary>
    public SipRegistration Registration { get; }

    /// <summary>Calls that have not ended.</summary>
    public IReadOnlyList<SipCall> Calls
    {
        get { lock (Gate) { return _calls.ToArray(); } }
    }

    /// <summary>The interval before the next OPTIONS probe, when probing.</summary>
    public TimeSpan? NextOptionsProbeInterval => _prober?.NextInterval;

    internal object Gate { get; } = new();

    internal TimeProvider Time { get; }

    internal SipRequestFactory Factory { get; }

    internal SipTransactionLayer Layer { get; }

    internal DigestCredentials Credentials { get; }

    /// <summary>Our Contact value for dialogs.</summary>
    internal string ContactHeader => Factory.CreateContact(Options.User).ToString();

    /// <summary>Connects, registers (unless disabled) and starts the OPTIONS probes.</summary>
    /// <exception cref="SipException">The connection or the registration failed.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            if (_started)
            {
                throw new InvalidOperationException("The user agent is already started.");
            }

            _started = true;
        }

        await _transport.ConnectAsync(cancellationToken).ConfigureAwait(false);
        if (Options.Register)
        {
            await Registration.RegisterAsync(cancellationToken).ConfigureAwait(false);
        }

        _prober?.Start();
    }

    /// <summary>Sends one OPTIONS to the server now and reports it like the periodic probes.</summary>
    public Task<SipOptionsProbeEventArgs> ProbeServerAsync()
        => _prober is not null ? _prober.ProbeAsync() : new SipOptionsProber(SendOptionsToServerAsync, Time, () => 0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), args => Post(() => OptionsProbe?.Invoke(args))).ProbeAsync();

    /// <summary>Ends every call, unregisters and closes the connection. Bounded by the token.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        SipCall[] calls;
        lock (Gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            calls = _calls.ToArray();
        }

        _prober?.Stop();
        foreach (SipCall call in calls)
        {
            try
            {
                await call.HangupAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SipException)
            {
                // The call ends locally either way.
            }
        }

        if (Registration.IsWanted && _transport.IsConnected)
        {
            try
            {
                await Registration.UnregisterAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SipException)
            {
                // The binding expires by itself.
            }
        }

        Registration.Dispose();
        Layer.Dispose();
        await _transport.CloseAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _prober?.Dispose();
        Registration.Dispose();
        Layer.Dispose();
        _transport.Dispose();
    }

    /// <summary>Raises a user event through the ordered dispatcher.</summary>
    internal void Post(Action callback) => _dispatcher.Post(callback);

    /// <summary>Forgets an ended call (under <see cref="Gate"/>).</summary>
    internal void Remove(SipCall call) => _calls.Remove(call);

    private void OnMessage(SipMessage message) => Layer.OnMessage(message);

    private void OnConnected(bool reconnected)
    {
        Post(() => Connected?.Invoke(reconnected));
        if (reconnected && Registration.IsWanted)
        {
            // Kamailio binds the contact to the connection: register again over the new one. Dialogs are untouched.
            _ = RegisterAgainAsync();
        }
    }

    private async Task RegisterAgainAsync()
    {
        try
        {
            await Registration.RegisterAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (SipException)
        {
            // Reported through RegistrationStateChanged (Failed); the refresh timer tries again.
        }
    }

    private Task<SipMessage> SendOptionsToServerAsync()
    {
        var server = new SipUri("sip", null, Options.Domain);
        var from = new SipNameAddress(Options.AddressOfRecord, Options.DisplayName).WithParameter("tag", SipRandom.CreateTag());
        var context = new SipRequestContext(server, from, new SipNameAddress(server), SipRandom.CreateCallId(), 1);
        SipOutgoingMessage request = Factory.Create(SipMethod.Options, context);
        request.Add(SipHeaderName.Accept, "application/sdp");
        return Layer.SendRequestAsync(request);
    }
}
