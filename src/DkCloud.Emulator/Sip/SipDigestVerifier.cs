using System;
using System.Collections.Concurrent;
using DkCloud.Sdk.WebRtc.Sip;

namespace DkCloud.Emulator.Sip;

/// <summary>
/// The registrar's digest authentication (RFC 2617/7616, MD5, qop=auth): issues nonces that live five minutes and
/// checks an Authorization header against the extension's password. A nonce that expired is answered stale.
/// </summary>
internal sealed class SipDigestVerifier
{
    private static readonly TimeSpan NonceLifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nonces = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public SipDigestVerifier(string realm, TimeProvider time)
    {
        Realm = realm;
        _time = time;
    }

    public string Realm { get; }

    /// <summary>A WWW-Authenticate value with a fresh nonce.</summary>
    public string CreateChallenge(bool stale)
    {
        var now = _time.GetUtcNow();
        foreach (var pair in _nonces)
        {
            if (now - pair.Value > NonceLifetime)
            {
                _nonces.TryRemove(pair.Key, out _);
            }
        }

        var nonce = SipRandom.CreateHex(16);
        _nonces[nonce] = now;
        return $"Digest realm=\"{Realm}\", nonce=\"{nonce}\", qop=\"auth\", algorithm=MD5" + (stale ? ", stale=true" : "");
    }

    /// <summary>Checks <paramref name="authorization"/> for <paramref name="method"/> by <paramref name="user"/>.</summary>
    public SipDigestVerdict Verify(string? authorization, string method, string user, string password)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return SipDigestVerdict.Missing;
        }

        SipAuthChallenge credentials;
        try
        {
            credentials = SipAuthChallenge.Parse(authorization);
        }
        catch (FormatException)
        {
            return SipDigestVerdict.Wrong;
        }

        var nonce = credentials.Get("nonce");
        var uri = credentials.Get("uri");
        var response = credentials.Get("response");
        if (!credentials.IsDigest || nonce is null || uri is null || response is null
            || !string.Equals(credentials.Get("username"), user, StringComparison.Ordinal)
            || !string.Equals(credentials.Realm, Realm, StringComparison.Ordinal))
        {
            return SipDigestVerdict.Wrong;
        }

        if (!_nonces.TryGetValue(nonce, out var issued) || _time.GetUtcNow() - issued > NonceLifetime)
        {
            return SipDigestVerdict.Stale;
        }

        var qop = credentials.Get("qop");
        var expected = DigestCalculator.ComputeResponse(
            DigestAlgorithm.Md5, user, Realm, password, method, uri, nonce, qop, credentials.Get("nc"), credentials.Get("cnonce"));
        return string.Equals(expected, response, StringComparison.OrdinalIgnoreCase) ? SipDigestVerdict.Valid : SipDigestVerdict.Wrong;
    }
}
