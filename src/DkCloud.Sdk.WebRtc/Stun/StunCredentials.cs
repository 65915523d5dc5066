using System;
using System.Security.Cryptography;
using System.Text;

namespace DkCloud.Sdk.WebRtc.Stun;

/// <summary>Keys for MESSAGE-INTEGRITY (RFC 8489 section 9).</summary>
internal static class StunCredentials
{
    /// <summary>Short-term credential key (ICE): the UTF-8 bytes of the prepared password.</summary>
    public static byte[] ShortTermKey(string password)
    {
        if (password is null)
        {
            throw new ArgumentNullException(nameof(password));
        }

        return Encoding.UTF8.GetBytes(SaslPrep.Prepare(password));
    }

    /// <summary>Long-term credential key: MD5(username ":" realm ":" SASLprep(password)), 16 bytes.</summary>
    /// <remarks>MD5 is what RFC 8489 section 9.2.2 prescribes for this key; it is not used for anything else.</remarks>
    public static byte[] LongTermKey(string username, string realm, string password)
    {
        if (username is null)
        {
            throw new ArgumentNullException(nameof(username));
        }

        if (realm is null)
        {
            throw new ArgumentNullException(nameof(realm));
        }

        if (password is null)
        {
            throw new ArgumentNullException(nameof(password));
        }

        byte[] input = Encoding.UTF8.GetBytes(username + ":" + realm + ":" + SaslPrep.Prepare(password));
#pragma warning disable CA5351 // RFC 8489 9.2.2 defines the long-term key as an MD5 digest.
        using MD5 md5 = MD5.Create();
        return md5.ComputeHash(input);
#pragma warning restore CA5351
    }
}
