using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Sip;
using DkCloud.Sdk.WebRtc.Sip.Transport;
using DkCloud.Sdk.WebRtc.Sip.UserAgent;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>
/// A SIP user agent with WebRTC media: registers, places calls with a media offer, answers incoming calls with a media
/// answer, routes offers inside a call to that call's <see cref="MediaSession"/>, hangs up and cleans up.
/// </summary>
internal sealed class Softphone : ISipSdpAnswerer, IDisposable
{
    private readonly SoftphoneOptions _options;
    private readonly Dictionary<SipCall, SoftphoneCall> _calls = new();
    private readonly object _gate = new();

    /// <summary>Creates the softphone; <see cref="StartAsync"/> connects and registers.</summary>
    public Softphone(SoftphoneOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        var agentOptions = new SipUserAgentOptions(options.Domain, options.User, options.Password)
        {
            OptionsProbes = options.OptionsProbes,
            SdpAnswerer = this,
        };
        var transport = new SipWebSocketTransport(new SipTransportOptions { ServerUri = options.ServerUri }, options.Time);
        transport.ReconnectAttempt += attempt => ReconnectAttempt?.Invoke(attempt);
        Agent = new SipUserAgent(agentOptions, transport, options.Time);
        Agent.IncomingCall += OnIncomingCall;
    }

    /// <summary>A call arrived and rings (already being answered when <see cref="SoftphoneOptions.AutoAnswer"/> is set).</summary>
    public event Action<SoftphoneCall>? IncomingCall;

    /// <summary>A call we placed was sent (raised before it is answered, so its SIP events can be followed).</summary>
    public event Action<SoftphoneCall>? OutgoingCall;

    /// <summary>The signaling connection is being reopened: attempt number, 1 first (raised on the reconnect loop).</summary>
    public event Action<int>? ReconnectAttempt;

    /// <summary>The SIP user agent (registration state, events).</summary>
    public SipUserAgent Agent { get; }

    /// <summary>The calls in progress.</summary>
    public IReadOnlyList<SoftphoneCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return new List<SoftphoneCall>(_calls.Values);
            }
        }
    }

    /// <summary>Connects to the server and registers.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => Agent.StartAsync(cancellationToken);

    /// <summary>Calls <paramref name="target"/> (a user or a SIP URI) and returns once it is answered and the media is set up.</summary>
    /// <exception cref="SipException">The call failed or was rejected.</exception>
    public async Task<SoftphoneCall> CallAsync(string target, CancellationToken cancellationToken = default)
    {
        var media = new MediaSession(_options.MediaOptions());
        SoftphoneCall call;
        try
        {
            string offer = await media.CreateOfferAsync(cancellationToken).ConfigureAwait(false);
            SipCall sip = Agent.Call(target, offer, cancellationToken);
            call = Track(sip, media);
        }
        catch
        {
            media.Dispose();
            throw;
        }

        OutgoingCall?.Invoke(call);
        await call.Sip.WhenEstablished.ConfigureAwait(false);
        string answer = call.Sip.RemoteSdp ?? throw new SipException(SipErrorCode.ProtocolError, "The call was answered without SDP.");
        try
        {
            media.ApplyAnswer(answer);
        }
        catch (Exception error) when (error is InvalidOperationException or FormatException)
        {
            await call.HangupAsync(CancellationToken.None).ConfigureAwait(false);
            throw new SipException(SipErrorCode.ProtocolError, "The answer cannot be used: " + error.Message);
        }

        return call;
    }

    /// <summary>Answers a ringing incoming call with our media answer.</summary>
    public async Task AnswerAsync(SoftphoneCall call, CancellationToken cancellationToken = default)
    {
        if (call is null)
        {
            throw new ArgumentNullException(nameof(call));
        }

        string offer = call.Sip.RemoteSdp ?? throw new SipException(SipErrorCode.InvalidState, "The call has no offer.");
        string answer;
        try
        {
            answer = await call.Media.CreateAnswerAsync(offer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is InvalidOperationException or FormatException)
        {
            await call.Sip.RejectAsync(488, CancellationToken.None).ConfigureAwait(false);
            throw new SipException(SipErrorCode.ProtocolError, "The offer cannot be answered: " + error.Message);
        }

        await call.Sip.AnswerAsync(answer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends every call, unregisters and closes the connection.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await Agent.StopAsync(cancellationToken).ConfigureAwait(false);
        foreach (SoftphoneCall call in Calls)
        {
            call.Media.Dispose();
        }
    }

    /// <inheritdoc />
    Task<string> ISipSdpAnswerer.AnswerAsync(SipCall call, string remoteOffer, CancellationToken cancellationToken)
    {
        SoftphoneCall? ours;
        lock (_gate)
        {
            _calls.TryGetValue(call, out ours);
        }

        return ours is null
            ? Task.FromException<string>(new InvalidOperationException("No media session for this call."))
            : ours.Media.AnswerAsync(call, remoteOffer, cancellationToken);
    }

    /// <summary>Stops every media session and closes the user agent without signalling.</summary>
    public void Dispose()
    {
        foreach (SoftphoneCall call in Calls)
        {
            call.Media.Dispose();
        }

        Agent.Dispose();
    }

    private SoftphoneCall Track(SipCall sip, MediaSession media)
    {
        var call = new SoftphoneCall(sip, media);
        lock (_gate)
        {
            _calls[sip] = call;
        }

        // Ended runs before WhenEnded completes, so a caller awaiting WhenEnded sees the call gone; the continuation
        // covers a call that ended before this subscription.
        sip.Ended += (_, _) => Forget(sip, media);
        _ = sip.WhenEnded.ContinueWith(_ => Forget(sip, media), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return call;
    }

    private void Forget(SipCall sip, MediaSession media)
    {
        lock (_gate)
        {
            _calls.Remove(sip);
        }

        media.Dispose();
    }

    private void OnIncomingCall(SipCall sip)
    {
        SoftphoneCall call = Track(sip, new MediaSession(_options.MediaOptions()));
        IncomingCall?.Invoke(call);
        if (_options.AutoAnswer)
        {
            _ = AutoAnswerAsync(call);
        }
    }

    private async Task AutoAnswerAsync(SoftphoneCall call)
    {
        try
        {
            await AnswerAsync(call, CancellationToken.None).ConfigureAwait(false);
        }
        catch (SipException)
        {
            // The call ended meanwhile (CANCEL) or the offer was refused: reported through the call's WhenEnded.
        }
    }
}
