using System;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Media;

namespace DkCloud.Sdk.WebRtc.Integration;

/// <summary>
/// The <see cref="ISoftphone"/> of a WebRTC extension: the SIP user agent's registration, the ringing call that
/// <see cref="DkyClient.AnswerAsync"/> picks up, and the mute of the call's send path.
/// </summary>
internal sealed class WebRtcSoftphone : ISoftphone
{
    private readonly Softphone _phone;
    private readonly object _gate = new();
    private SoftphoneCall? _ringing;
    private SoftphoneCall? _current;
    private bool _muted;
    private int _disposed;

    public WebRtcSoftphone(Softphone phone)
    {
        _phone = phone;
        _phone.IncomingCall += OnIncomingCall;
    }

    public Task RegisterAsync(CancellationToken cancellationToken) => _phone.StartAsync(cancellationToken);

    public Task UnregisterAsync(CancellationToken cancellationToken) => _phone.StopAsync(cancellationToken);

    public async Task AnswerAsync(CancellationToken cancellationToken)
    {
        SoftphoneCall? call;
        lock (_gate)
        {
            call = _ringing;
            _ringing = null;
        }

        if (call is null)
        {
            // Nothing rings on the extension: the server answers the leg itself (IP-phone style) or it already ended.
            return;
        }

        await _phone.AnswerAsync(call, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _current = call;
            call.Media.Muted = _muted;
        }
    }

    public void SetMuted(bool muted)
    {
        lock (_gate)
        {
            _muted = muted;
            if (_current is { } call)
            {
                call.Media.Muted = muted;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _phone.IncomingCall -= OnIncomingCall;
            _phone.Dispose();
        }

        return default;
    }

    private void OnIncomingCall(SoftphoneCall call)
    {
        lock (_gate)
        {
            _ringing = call;
        }
    }
}
