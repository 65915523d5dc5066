using System;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>A SIP account's user name and password. <see cref="ToString"/> never shows the password.</summary>
internal sealed class DigestCredentials
{
    /// <summary>Creates credentials.</summary>
    public DigestCredentials(string username, string password)
    {
        Username = username ?? throw new ArgumentNullException(nameof(username));
        Password = password ?? throw new ArgumentNullException(nameof(password));
    }

    /// <summary>The authentication user name.</summary>
    public string Username { get; }

    /// <summary>The password; only the digest calculation reads it.</summary>
    internal string Password { get; }

    /// <inheritdoc/>
    public override string ToString() => "DigestCredentials(" + Username + ", password hidden)";
}
