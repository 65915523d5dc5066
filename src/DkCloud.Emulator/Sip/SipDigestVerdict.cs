namespace DkCloud.Emulator.Sip;

/// <summary>What <see cref="SipDigestVerifier"/> made of an Authorization header.</summary>
internal enum SipDigestVerdict
{
    /// <summary>No credentials: challenge.</summary>
    Missing,

    /// <summary>Credentials for an unknown or expired nonce: challenge again with stale=true.</summary>
    Stale,

    /// <summary>Wrong user, realm or password: 403.</summary>
    Wrong,

    /// <summary>Accepted.</summary>
    Valid,
}
