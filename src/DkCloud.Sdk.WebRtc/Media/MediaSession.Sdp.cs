using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Dtls;
using DkCloud.Sdk.WebRtc.Ice;
using DkCloud.Sdk.WebRtc.Sdp;
using DkCloud.Sdk.WebRtc.Sip.UserAgent;

namespace DkCloud.Sdk.WebRtc.Media;

/// <summary>Offer/answer of the media session.</summary>
internal sealed partial class MediaSession
{
    private readonly ulong _sessionId = (ulong)DateTime.UtcNow.Ticks & 0x7FFF_FFFF_FFFF;
    private ulong _sessionVersion;
    private bool _isOfferer;
    private bool _remoteApplied;
    private DtlsFingerprint? _remoteFingerprint;
    private SdpMediaDescription? _offeredAudio;
    private SdpDirection _localDirection = SdpDirection.SendRecv;

    /// <summary>Gathers candidates (as the controlling ICE agent) and returns our offer.</summary>
    /// <exception cref="InvalidOperationException">The session already made an offer or an answer.</exception>
    public async Task<string> CreateOfferAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_agent is not null)
            {
                throw new InvalidOperationException("The session already has a local description.");
            }

            _isOfferer = true;
            CreateAgent(IceRole.Controlling);
        }

        IReadOnlyList<IceCandidate> candidates = await _agent!.GatherAsync(cancellationToken).ConfigureAwait(false);
        var options = new SdpOfferOptions
        {
            Origin = NextOrigin(candidates),
            IceUfrag = _agent.LocalCredentials.Ufrag,
            IcePwd = _agent.LocalCredentials.Password,
            Fingerprint = SdpFingerprint.Parse(LocalFingerprint.ToString()),
            Setup = SdpSetupRole.ActPass,
            Ssrc = _ssrc,
            Cname = _cname,
        };
        SetDefaultCandidate(candidates, out string address, out int port);
        options.ConnectionAddress = address;
        options.Port = port;
        foreach (KeyValuePair<int, SdpCodec> codec in AudioNegotiation.OfferCodecs(_options))
        {
            options.Codecs.Add(codec);
        }

        foreach (IceCandidate candidate in candidates)
        {
            options.Candidates.Add(SdpCandidate.Parse(candidate.ToAttributeValue()));
        }

        SdpSessionDescription description = SdpOfferBuilder.Create(options);
        string offer = description.ToString();
        lock (_gate)
        {
            _offeredAudio = AudioOf(description);
            LocalSdp = offer;
        }

        return offer;
    }

    /// <summary>
    /// Applies the answer to our offer: ICE credentials and candidates, the DTLS fingerprint and role (we are the DTLS
    /// server when the answer says <c>active</c>, the client when it says <c>passive</c>), the codec (the first of the
    /// answer's that we offered) and the direction.
    /// </summary>
    /// <exception cref="InvalidOperationException">No offer was made, or the answer is not usable.</exception>
    public void ApplyAnswer(string answer)
    {
        SdpSessionDescription description = SdpSessionDescription.Parse(answer ?? throw new ArgumentNullException(nameof(answer)));
        AudioCodecChoice choice;
        lock (_gate)
        {
            ThrowIfDisposed();
            if (!_isOfferer || _agent is null || _offeredAudio is null)
            {
                throw new InvalidOperationException("An answer needs our offer first.");
            }

            SdpMediaDescription audio = AudioOf(description);
            choice = AudioNegotiation.Choose(audio, _offeredAudio, _options) ?? throw new InvalidOperationException("The answer accepts none of our audio codecs.");
            SdpSetupRole? setup = description.GetSetup(audio);
            ApplyRemote(description, audio, setup == SdpSetupRole.Passive ? Dtls.DtlsRole.Client : Dtls.DtlsRole.Server);
            // The answerer's sendonly means we only receive, its recvonly that we only send.
            UpdateDirection(SdpOfferAnswer.AnswerDirection(description.GetDirection(audio), SdpDirection.SendRecv));
            RemoteSdp = answer;
        }

        ApplyAudio(choice);
        TryStartDtls();
    }

    /// <summary>Gathers candidates (as the controlled ICE agent), applies the remote offer and returns our answer.</summary>
    /// <exception cref="InvalidOperationException">The session already has a local description or the offer has no codec we support.</exception>
    public async Task<string> CreateAnswerAsync(string offer, CancellationToken cancellationToken = default)
    {
        SdpSessionDescription description = SdpSessionDescription.Parse(offer ?? throw new ArgumentNullException(nameof(offer)));
        SdpMediaDescription audio = AudioOf(description);
        ThrowUnlessAnswerable(audio);
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_agent is not null)
            {
                throw new InvalidOperationException("The session already has a local description.");
            }

            CreateAgent(IceRole.Controlled);
        }

        IReadOnlyList<IceCandidate> candidates = await _agent!.GatherAsync(cancellationToken).ConfigureAwait(false);
        SdpSessionDescription answer;
        AudioCodecChoice choice;
        lock (_gate)
        {
            ThrowIfDisposed();
            SdpSetupRole answerSetup = SdpOfferAnswer.AnswerSetup(description.GetSetup(audio));
            DtlsRole role = answerSetup == SdpSetupRole.Passive ? Dtls.DtlsRole.Server : Dtls.DtlsRole.Client;
            answer = BuildAnswer(description, candidates, role);
            choice = ChooseFor(audio, answer);
            ApplyRemote(description, audio, role);
            RemoteSdp = offer;
        }

        ApplyAudio(choice);
        TryStartDtls();
        return LocalSdp!;
    }

    /// <summary>
    /// Answers an offer inside the call (re-INVITE or UPDATE): a new direction (hold when the remote side sends
    /// sendonly or inactive), new candidates, possibly another codec (the audio pipeline is then rebuilt with the same
    /// SSRC, devices and mute); the ICE credentials, fingerprint and DTLS role stay.
    /// </summary>
    public async Task<string> AnswerAsync(SipCall call, string remoteOffer, CancellationToken cancellationToken)
    {
        if (_agent is null)
        {
            return await CreateAnswerAsync(remoteOffer, cancellationToken).ConfigureAwait(false);
        }

        SdpSessionDescription description = SdpSessionDescription.Parse(remoteOffer ?? throw new ArgumentNullException(nameof(remoteOffer)));
        SdpMediaDescription audio = AudioOf(description);
        ThrowUnlessAnswerable(audio);
        IReadOnlyList<IceCandidate> candidates = await _agent.GatherAsync(cancellationToken).ConfigureAwait(false);
        string text;
        AudioCodecChoice choice;
        lock (_gate)
        {
            ThrowIfDisposed();
            string? ufrag = description.GetIceUfrag(audio);
            if (ufrag is not null && _remoteUfrag is not null && !string.Equals(ufrag, _remoteUfrag, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("An ICE restart inside the call is not supported.");
            }

            DtlsRole role = DtlsRole ?? Dtls.DtlsRole.Client;
            SdpSessionDescription answer = BuildAnswer(description, candidates, role);
            choice = ChooseFor(audio, answer);
            text = LocalSdp!;
            AddCandidates(audio);
            RemoteSdp = remoteOffer;
        }

        ApplyAudio(choice);
        return text;
    }

    private SdpSessionDescription BuildAnswer(SdpSessionDescription offer, IReadOnlyList<IceCandidate> candidates, DtlsRole role)
    {
        SetDefaultCandidate(candidates, out string address, out int port);
        var options = new SdpAnswerOptions
        {
            Codecs = AudioNegotiation.AnswerCodecs(_options),
            Origin = NextOrigin(candidates),
            ConnectionAddress = address,
            Port = port,
            IceUfrag = _agent!.LocalCredentials.Ufrag,
            IcePwd = _agent.LocalCredentials.Password,
            Trickle = false,
            EndOfCandidates = true,
            Fingerprint = SdpFingerprint.Parse(LocalFingerprint.ToString()),
            Ssrc = _ssrc,
            Cname = _cname,
        };
        foreach (IceCandidate candidate in candidates)
        {
            options.Candidates.Add(SdpCandidate.Parse(candidate.ToAttributeValue()));
        }

        SdpSessionDescription answer = SdpOfferAnswer.CreateAnswer(offer, options);
        SdpMediaDescription audio = AudioOf(answer);
        audio.Attributes.Set("setup", role == Dtls.DtlsRole.Client ? "active" : "passive");
        SdpDirection direction = audio.ExplicitDirection ?? SdpDirection.SendRecv;
        UpdateDirection(direction);
        LocalSdp = answer.ToString();
        return answer;
    }

    private AudioCodecChoice ChooseFor(SdpMediaDescription offered, SdpSessionDescription answer)
        => AudioNegotiation.Choose(offered, AudioOf(answer), _options) ?? throw new InvalidOperationException("The offer has no audio codec we support.");

    private void ThrowUnlessAnswerable(SdpMediaDescription offered)
    {
        if (AudioNegotiation.Choose(offered, offered, _options) is null)
        {
            throw new InvalidOperationException("The offer has no audio codec we support.");
        }
    }

    private string? _remoteUfrag;

    private void ApplyRemote(SdpSessionDescription description, SdpMediaDescription audio, DtlsRole role)
    {
        string ufrag = description.GetIceUfrag(audio) ?? throw new InvalidOperationException("The remote description has no ICE credentials.");
        string pwd = description.GetIcePwd(audio) ?? throw new InvalidOperationException("The remote description has no ICE password.");
        SdpFingerprint fingerprint = description.GetFingerprint(audio) ?? throw new InvalidOperationException("The remote description has no DTLS fingerprint.");
        _remoteFingerprint = DtlsFingerprint.Parse(fingerprint.ToString());
        _remoteUfrag = ufrag;
        _agent!.SetRemoteCredentials(ufrag, pwd);
        AddCandidates(audio);
        DtlsRole = role;
        _remoteApplied = true;
    }

    private void AddCandidates(SdpMediaDescription audio)
    {
        foreach (string value in audio.Attributes.GetAll("candidate"))
        {
            if (IceCandidate.TryParse(value, out IceCandidate? candidate) && candidate!.Component == 1)
            {
                _agent!.AddRemoteCandidate(candidate);
            }
        }
    }

    private static SdpMediaDescription AudioOf(SdpSessionDescription description)
    {
        foreach (SdpMediaDescription media in description.Media)
        {
            if (string.Equals(media.Media, "audio", StringComparison.Ordinal) && media.Port != 0)
            {
                return media;
            }
        }

        throw new InvalidOperationException("The session description has no audio line.");
    }

    private SdpOrigin NextOrigin(IReadOnlyList<IceCandidate> candidates)
    {
        SetDefaultCandidate(candidates, out string address, out _);
        return new SdpOrigin("-", _sessionId, _sessionVersion++, address.IndexOf(':') >= 0 ? "IP6" : "IP4", address);
    }

    private static void SetDefaultCandidate(IReadOnlyList<IceCandidate> candidates, out string address, out int port)
    {
        IceCandidate first = candidates[0];
        address = first.EndPoint.Address.ToString();
        port = first.EndPoint.Port;
    }
}
