using System;
using System.Globalization;
using System.Text;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>
/// Answers Digest challenges for one account (RFC 3261 §22.4, RFC 2617, RFC 7616): MD5, MD5-sess, SHA-256 and
/// SHA-256-sess; qop=auth or no qop. Each reuse of a nonce increments the nonce count; <c>stale=true</c> takes the
/// new nonce without treating the credentials as wrong. Not thread-safe: one instance per registration or dialog.
/// </summary>
internal sealed class DigestAuthenticator
{
    private readonly DigestCredentials _credentials;
    private readonly Func<string> _cnonceFactory;
    private SipAuthChallenge? _challenge;
    private DigestAlgorithm _algorithm;
    private string? _cnonce;
    private uint _nonceCount;
    private bool _answered;

    /// <summary>Creates an authenticator.</summary>
    /// <param name="credentials">The account.</param>
    /// <param name="cnonceFactory">Makes client nonces; defaults to 16 random bytes in hex.</param>
    public DigestAuthenticator(DigestCredentials credentials, Func<string>? cnonceFactory = null)
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _cnonceFactory = cnonceFactory ?? (() => SipRandom.CreateHex(16));
    }

    /// <summary>True once a challenge has been accepted, so requests can carry credentials pre-emptively.</summary>
    public bool HasChallenge => _challenge is not null;

    /// <summary>The nonce count sent with the last Authorization (1 after the first answer to a nonce).</summary>
    public uint NonceCount => _nonceCount;

    /// <summary>
    /// Takes the challenge of a 401/407. Returns false when it cannot be answered: not Digest, an unsupported
    /// algorithm or qop, or a fresh (non-stale) challenge for the same realm after credentials were already sent,
    /// which means they were refused and asking again would loop.
    /// </summary>
    public bool TryAccept(SipAuthChallenge challenge)
    {
        if (challenge is null)
        {
            throw new ArgumentNullException(nameof(challenge));
        }

        if (!challenge.IsDigest || challenge.Nonce is null || challenge.Realm is null
            || !DigestCalculator.TryParseAlgorithm(challenge.Algorithm, out DigestAlgorithm algorithm))
        {
            return false;
        }

        var qop = challenge.QopOptions;
        if (qop.Count > 0 && !Contains(qop, "auth"))
        {
            return false;
        }

        bool sameRealm = _challenge is not null && string.Equals(_challenge.Realm, challenge.Realm, StringComparison.Ordinal);
        if (sameRealm && _answered && !challenge.Stale)
        {
            return false;
        }

        _challenge = challenge;
        _algorithm = algorithm;
        _nonceCount = 0;
        _cnonce = null;
        _answered = false;
        return true;
    }

    /// <summary>
    /// Records that a request carrying our credentials succeeded, so they are known to be right: the next fresh
    /// challenge (a new nonce without <c>stale=true</c>, as some registrars send on refresh) is answered, not refused.
    /// </summary>
    public void ConfirmAccepted() => _answered = false;

    /// <summary>The Authorization / Proxy-Authorization value for a request, using the accepted challenge.</summary>
    /// <param name="method">The request method (for ACK and CANCEL, the method of the request they belong to is not used: RFC 3261 §22.1).</param>
    /// <param name="digestUri">The Request-URI as sent.</param>
    public string CreateAuthorization(string method, string digestUri)
    {
        SipAuthChallenge challenge = _challenge ?? throw new InvalidOperationException("No challenge has been accepted.");
        bool useQop = challenge.QopOptions.Count > 0;
        _nonceCount++;
        string? nc = null;
        if (useQop)
        {
            _cnonce ??= _cnonceFactory();
            nc = _nonceCount.ToString("x8", CultureInfo.InvariantCulture);
        }

        string response = DigestCalculator.ComputeResponse(
            _algorithm, _credentials.Username, challenge.Realm!, _credentials.Password, method, digestUri,
            challenge.Nonce!, useQop ? "auth" : null, nc, useQop ? _cnonce : null);
        _answered = true;

        var builder = new StringBuilder(256)
            .Append("Digest username=").Append(SipQuoting.Quote(_credentials.Username))
            .Append(", realm=").Append(SipQuoting.Quote(challenge.Realm!))
            .Append(", nonce=").Append(SipQuoting.Quote(challenge.Nonce!))
            .Append(", uri=").Append(SipQuoting.Quote(digestUri))
            .Append(", response=\"").Append(response).Append('"');
        if (challenge.Algorithm is not null)
        {
            builder.Append(", algorithm=").Append(DigestCalculator.ToToken(_algorithm));
        }

        if (challenge.Opaque is not null)
        {
            builder.Append(", opaque=").Append(SipQuoting.Quote(challenge.Opaque));
        }

        if (useQop)
        {
            builder.Append(", qop=auth, nc=").Append(nc).Append(", cnonce=").Append(SipQuoting.Quote(_cnonce!));
        }

        return builder.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => "DigestAuthenticator(" + _credentials.Username + ", realm " + (_challenge?.Realm ?? "none") + ")";

    private static bool Contains(System.Collections.Generic.IReadOnlyList<string> items, string value)
    {
        foreach (string item in items)
        {
            if (string.Equals(item, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
