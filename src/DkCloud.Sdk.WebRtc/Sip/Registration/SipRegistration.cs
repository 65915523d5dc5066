using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Sip.Transactions;

namespace DkCloud.Sdk.WebRtc.Sip.Registration;

/// <summary>
/// One registration binding (RFC 3261 §10): REGISTER with Expires, digest answers to 401/407 (MD5 or SHA-256,
/// qop=auth, nonce count, stale nonces), 423 Interval Too Brief answered with Min-Expires, a refresh at the granted
/// expiry minus a margin on the <see cref="TimeProvider"/>, and unregistering with Expires 0. The same Call-ID is
/// kept for every REGISTER of the binding and the CSeq grows by one each time (§10.2.4).
/// </summary>
/// <remarks>Thread safety: operations are serialized internally; state events go through the dispatcher given.</remarks>
internal sealed class SipRegistration : IDisposable
{
    private const int MaxRoundsPerRegister = 6;

    private readonly SipTransactionLayer _layer;
    private readonly SipRequestFactory _factory;
    private readonly SipRegistrationOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<Action> _post;
    private readonly DigestAuthenticator _authenticator;
    private readonly SemaphoreSlim _serial = new(1, 1);
    private readonly object _gate = new();
    private readonly string _callId = SipRandom.CreateCallId();
    private readonly string _fromTag = SipRandom.CreateTag();
    private ITimer? _refresh;
    private uint _cseq;
    private int _requestedExpires;
    private string _authorizationHeader = "Authorization";
    private bool _wanted;
    private bool _disposed;

    /// <summary>Creates a registration; nothing is sent before <see cref="RegisterAsync"/>.</summary>
    public SipRegistration(SipTransactionLayer layer, SipRequestFactory factory, SipRegistrationOptions options, TimeProvider? time = null, Action<Action>? post = null)
    {
        _layer = layer ?? throw new ArgumentNullException(nameof(layer));
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? TimeProvider.System;
        _post = post ?? (action => action());
        _authenticator = new DigestAuthenticator(options.Credentials);
        _requestedExpires = options.Expires;
    }

    /// <summary>Raised on every state change.</summary>
    public event Action<SipRegistrationStateChangedEventArgs>? StateChanged;

    /// <summary>The current state.</summary>
    public SipRegistrationState State { get; private set; }

    /// <summary>The expiry granted by the registrar in seconds; 0 when not registered.</summary>
    public int GrantedExpires { get; private set; }

    /// <summary>When the next refresh is due (clock of the <see cref="TimeProvider"/>); null when none is scheduled.</summary>
    public DateTimeOffset? NextRefreshAt { get; private set; }

    /// <summary>True while the user wants to be registered (between <see cref="RegisterAsync"/> and <see cref="UnregisterAsync"/>).</summary>
    public bool IsWanted
    {
        get { lock (_gate) { return _wanted; } }
    }

    /// <summary>Registers (or refreshes) now and completes when the registrar accepted the binding.</summary>
    /// <exception cref="SipException">Authentication failed, the registrar refused, or no response came.</exception>
    public async Task RegisterAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _wanted = true;
        }

        await _serial.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RegisterCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _serial.Release();
        }
    }

    /// <summary>Removes the binding (Expires 0) and stops refreshing.</summary>
    /// <exception cref="SipException">The registrar refused or no response came.</exception>
    public async Task UnregisterAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _wanted = false;
            StopRefresh();
        }

        await _serial.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (State is SipRegistrationState.Unregistered)
            {
                return;
            }

            SetState(SipRegistrationState.Unregistering, 0, null);
            SipMessage response = await ExchangeAsync(0, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode >= 300)
            {
                throw SipException.FromResponse(SipErrorCode.Rejected, response.StatusCode, "Unregister");
            }

            SetState(SipRegistrationState.Unregistered, 0, null);
        }
        finally
        {
            _serial.Release();
        }
    }

    /// <summary>Stops the refresh timer without sending anything.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _wanted = false;
            StopRefresh();
        }
    }

    private async Task RegisterCoreAsync(CancellationToken cancellationToken)
    {
        SetState(SipRegistrationState.Registering, 0, null);
        try
        {
            SipMessage response = await ExchangeAsync(_requestedExpires, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode >= 300)
            {
                throw SipException.FromResponse(SipErrorCode.Rejected, response.StatusCode, "REGISTER");
            }

            int granted = GrantedFrom(response);
            GrantedExpires = granted;
            SetState(SipRegistrationState.Registered, granted, null);
            lock (_gate)
            {
                if (_wanted && !_disposed)
                {
                    ScheduleRefresh(RefreshDelay(granted));
                }
            }
        }
        catch (SipException exception)
        {
            GrantedExpires = 0;
            SetState(SipRegistrationState.Failed, 0, exception);
            throw;
        }
    }

    /// <summary>Sends REGISTER rounds until a final answer that is not a challenge or a 423.</summary>
    private async Task<SipMessage> ExchangeAsync(int expires, CancellationToken cancellationToken)
    {
        for (int round = 0; round < MaxRoundsPerRegister; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SipOutgoingMessage request = _factory.CreateRegister(_options.Registrar, _options.AddressOfRecord, _fromTag, _callId, ++_cseq, expires);
            if (_authenticator.HasChallenge)
            {
                request.Add(_authorizationHeader, _authenticator.CreateAuthorization("REGISTER", _options.Registrar.ToString()));
            }

            SipMessage response = await _layer.SendRequestAsync(request).ConfigureAwait(false);
            switch (response.StatusCode)
            {
                case 401:
                case 407:
                    IReadOnlyList<SipAuthChallenge> challenges = response.StatusCode == 401 ? response.WwwAuthenticate : response.ProxyAuthenticate;
                    if (!TryAccept(challenges))
                    {
                        throw SipException.FromResponse(SipErrorCode.AuthenticationFailed, response.StatusCode, "REGISTER authentication");
                    }

                    _authorizationHeader = response.StatusCode == 401 ? "Authorization" : "Proxy-Authorization";
                    continue;
                case 423 when expires > 0:
                    if (!long.TryParse(response.GetHeaderValue(SipHeaderName.MinExpires), NumberStyles.None, CultureInfo.InvariantCulture, out long minimum)
                        || minimum <= expires || minimum > int.MaxValue)
                    {
                        throw SipException.FromResponse(SipErrorCode.Rejected, 423, "REGISTER");
                    }

                    expires = (int)minimum;
                    _requestedExpires = expires;
                    continue;
                default:
                    if (response.StatusCode < 300)
                    {
                        _authenticator.ConfirmAccepted();
                    }

                    return response;
            }
        }

        throw new SipException(SipErrorCode.ProtocolError, "REGISTER did not complete within " + MaxRoundsPerRegister.ToString(CultureInfo.InvariantCulture) + " rounds.");
    }

    private bool TryAccept(IReadOnlyList<SipAuthChallenge> challenges)
    {
        foreach (SipAuthChallenge challenge in challenges)
        {
            if (_authenticator.TryAccept(challenge))
            {
                return true;
            }
        }

        return false;
    }

    private int GrantedFrom(SipMessage response)
    {
        // RFC 3261 §10.2.4: the expires parameter of our Contact in the 200, else the Expires header.
        foreach (SipContact contact in response.Contacts)
        {
            if (contact.Expires is long value && contact.Address?.Uri is { } uri && string.Equals(uri.Host, _factory.Identity.Host, StringComparison.OrdinalIgnoreCase))
            {
                return (int)Math.Min(value, int.MaxValue);
            }
        }

        return response.Expires is long expires ? (int)Math.Min(expires, int.MaxValue) : _requestedExpires;
    }

    private TimeSpan RefreshDelay(int granted)
    {
        TimeSpan expiry = TimeSpan.FromSeconds(granted);
        TimeSpan margin = _options.RefreshMargin < TimeSpan.FromTicks(expiry.Ticks / 2) ? _options.RefreshMargin : TimeSpan.FromTicks(expiry.Ticks / 2);
        return expiry - margin;
    }

    private void ScheduleRefresh(TimeSpan delay)
    {
        StopRefresh();
        NextRefreshAt = _time.GetUtcNow() + delay;
        _refresh = _time.CreateTimer(_ => _ = RefreshAsync(), null, delay, Timeout.InfiniteTimeSpan);
    }

    private void StopRefresh()
    {
        _refresh?.Dispose();
        _refresh = null;
        NextRefreshAt = null;
    }

    private async Task RefreshAsync()
    {
        lock (_gate)
        {
            if (!_wanted || _disposed)
            {
                return;
            }
        }

        try
        {
            await RegisterAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (SipException)
        {
            lock (_gate)
            {
                if (_wanted && !_disposed)
                {
                    ScheduleRefresh(_options.RetryDelay);
                }
            }
        }
    }

    private void SetState(SipRegistrationState state, int expires, SipException? error)
    {
        State = state;
        var args = new SipRegistrationStateChangedEventArgs(state, expires, error);
        _post(() => StateChanged?.Invoke(args));
    }
}
