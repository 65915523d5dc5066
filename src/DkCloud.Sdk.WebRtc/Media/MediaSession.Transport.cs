using System;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Dtls;
using DkCloud.Sdk.WebRtc.Ice;
using DkCloud.Sdk.WebRtc.Srtp;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>ICE selection and the DTLS-SRTP handshake.</summary>
internal sealed partial class MediaSession
{
    private bool _pairSelected;
    private bool _handshakeStarted;
    private SrtpContext? _sendContext;
    private SrtpContext? _receiveContext;

    private void OnSelectedPairChanged(object? sender, IceCandidatePairEventArgs args)
    {
        lock (_gate)
        {
            _pairSelected = true;
        }

        PairSelected?.Invoke(args.Pair);
        TryStartDtls();
    }

    /// <summary>Starts the handshake once ICE has a pair and the remote fingerprint and role are known.</summary>
    private void TryStartDtls()
    {
        DtlsSrtpTransport dtls;
        DtlsRole role;
        DtlsFingerprint fingerprint;
        System.Threading.CancellationToken closing;
        lock (_gate)
        {
            if (_disposed || _handshakeStarted || !_pairSelected || !_remoteApplied || _dtls is null || DtlsRole is null || _remoteFingerprint is null)
            {
                return;
            }

            _handshakeStarted = true;
            dtls = _dtls;
            role = DtlsRole.Value;
            fingerprint = _remoteFingerprint;
            closing = _closing.Token;
        }

        _ = RunHandshakeAsync(dtls, role, fingerprint, closing);
    }

    private async Task RunHandshakeAsync(DtlsSrtpTransport dtls, DtlsRole role, DtlsFingerprint fingerprint, System.Threading.CancellationToken closing)
    {
        DtlsSrtpKeys keys;
        try
        {
            keys = await dtls.HandshakeAsync(role, fingerprint, closing).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Every handshake failure ends the media the same way: reported through Failed.
        catch (Exception error)
#pragma warning restore CA1031
        {
            Fail(error);
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _sendContext = keys.CreateSendContext();
            _receiveContext = keys.CreateReceiveContext();
        }

        // The media clock runs before anyone hears that media is secure, so whoever drives the clock from then on
        // (a test's fake clock) loses no frame.
        StartSending();
        _secure.TrySetResult(keys);
        SecureMediaReady?.Invoke(keys.Profile);
    }

    private void DisposeContexts()
    {
        lock (_sendGate)
        lock (_receiveGate)
        lock (_gate)
        {
            _sendContext?.Dispose();
            _receiveContext?.Dispose();
            _sendContext = null;
            _receiveContext = null;
        }
    }
}
