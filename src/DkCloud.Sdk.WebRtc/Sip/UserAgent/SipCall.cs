using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Sip.Dialogs;

namespace DkCloud.Sdk.WebRtc.Sip.UserAgent;

/// <summary>
/// One call: the INVITE session and its dialog. Incoming calls are answered or rejected here; either side can hang
/// up; offers inside the call (re-INVITE, UPDATE) go to the <see cref="ISipSdpAnswerer"/>; INFO carries DTMF.
/// </summary>
/// <remarks>
/// State lives under the user agent's lock; events are raised through its ordered dispatcher. The media session
/// reads <see cref="RemoteSdp"/> when the call is offered or answered and answers later offers as the answerer.
/// </remarks>
internal sealed partial class SipCall
{
    private readonly SipUserAgent _owner;
    private readonly TaskCompletionSource<bool> _established = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<SipCallEndedEventArgs> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SipCall(SipUserAgent owner, SipCallDirection direction, string callId, SipUri remoteUri)
    {
        _owner = owner;
        Direction = direction;
        CallId = callId;
        RemoteUri = remoteUri;
        _ = _established.Task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>A provisional response arrived for our INVITE (180, 183).</summary>
    public event Action<SipCall, int>? Progress;

    /// <summary>The call is established (the 2xx was acknowledged).</summary>
    public event Action<SipCall>? Established;

    /// <summary>The call ended.</summary>
    public event Action<SipCall, SipCallEndedEventArgs>? Ended;

    /// <summary>An INFO arrived (DTMF relay or another package).</summary>
    public event Action<SipCall, SipInfoReceivedEventArgs>? InfoReceived;

    /// <summary>The remote SDP changed (a re-INVITE or UPDATE was answered, or an ACK carried an answer).</summary>
    public event Action<SipCall, string>? RemoteSdpChanged;

    /// <summary>Who called.</summary>
    public SipCallDirection Direction { get; }

    /// <summary>The Call-ID.</summary>
    public string CallId { get; }

    /// <summary>The far end: the From URI of an incoming call, the target of an outgoing one.</summary>
    public SipUri RemoteUri { get; }

    /// <summary>The display name of the caller (incoming calls), if any.</summary>
    public string? RemoteDisplayName { get; private set; }

    /// <summary>The current state.</summary>
    public SipCallState State { get; private set; }

    /// <summary>The far end's current SDP (the offer of an incoming call, the answer of an outgoing one).</summary>
    public string? RemoteSdp { get; private set; }

    /// <summary>Our current SDP.</summary>
    public string? LocalSdp { get; private set; }

    /// <summary>The dialog, once one exists (early for incoming calls from the 180 on).</summary>
    public SipDialog? Dialog { get; private set; }

    /// <summary>Completes when the call is established; faults with <see cref="SipException"/> when it ends before.</summary>
    public Task WhenEstablished => _established.Task;

    /// <summary>Completes when the call ends.</summary>
    public Task<SipCallEndedEventArgs> WhenEnded => _ended.Task;

    /// <summary>True for an SDP body.</summary>
    internal static bool HasSdp(SipMessage message)
        => message.ContentLength > 0 && message.ContentType is { } type && type.StartsWith("application/sdp", StringComparison.OrdinalIgnoreCase);

    private static string BodyText(SipMessage message) => Encoding.UTF8.GetString(message.Body.ToArray());

    private void SetRemoteSdp(string sdp, bool raise)
    {
        RemoteSdp = sdp;
        if (raise)
        {
            _owner.Post(() => RemoteSdpChanged?.Invoke(this, sdp));
        }
    }

    /// <summary>Moves to Established and raises the event (under the lock).</summary>
    private void Establish()
    {
        if (State == SipCallState.Ended)
        {
            return;
        }

        State = SipCallState.Established;
        _owner.Post(() =>
        {
            Established?.Invoke(this);
            _established.TrySetResult(true);
        });
    }

    /// <summary>Ends the call once (under the lock).</summary>
    private void End(SipCallEndReason reason, int? statusCode)
    {
        if (State == SipCallState.Ended)
        {
            return;
        }

        bool wasEstablished = State == SipCallState.Established;
        State = SipCallState.Ended;
        _owner.Remove(this);
        var args = new SipCallEndedEventArgs(reason, statusCode);
        _owner.Post(() =>
        {
            if (!wasEstablished)
            {
                _established.TrySetException(new SipException(ErrorCodeOf(reason), "The call ended before it was established: " + args, statusCode));
            }

            Ended?.Invoke(this, args);
            _ended.TrySetResult(args);
        });
    }

    private static SipErrorCode ErrorCodeOf(SipCallEndReason reason) => reason switch
    {
        SipCallEndReason.Timeout or SipCallEndReason.NoAck => SipErrorCode.Timeout,
        SipCallEndReason.AuthenticationFailed => SipErrorCode.AuthenticationFailed,
        SipCallEndReason.Canceled or SipCallEndReason.RemoteCanceled => SipErrorCode.Canceled,
        SipCallEndReason.ProtocolError => SipErrorCode.ProtocolError,
        SipCallEndReason.Shutdown => SipErrorCode.TransportClosed,
        _ => SipErrorCode.Rejected,
    };

    private SipException InvalidState(string operation)
        => new(SipErrorCode.InvalidState, operation + " is not possible in state " + State + ".");
}
