using System;
using System.Security.Cryptography;
using System.Text;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>The pure Digest computations of RFC 2617 §3.2.2 and RFC 7616 §3.4.</summary>
internal static class DigestCalculator
{
    /// <summary>Maps an algorithm token (case-insensitive) to <see cref="DigestAlgorithm"/>; null or empty means MD5.</summary>
    public static bool TryParseAlgorithm(string? token, out DigestAlgorithm algorithm)
    {
        switch (token?.ToUpperInvariant())
        {
            case null:
            case "":
            case "MD5":
                algorithm = DigestAlgorithm.Md5;
                return true;
            case "MD5-SESS":
                algorithm = DigestAlgorithm.Md5Sess;
                return true;
            case "SHA-256":
                algorithm = DigestAlgorithm.Sha256;
                return true;
            case "SHA-256-SESS":
                algorithm = DigestAlgorithm.Sha256Sess;
                return true;
            default:
                algorithm = default;
                return false;
        }
    }

    /// <summary>The algorithm token as written in a header.</summary>
    public static string ToToken(DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 => "MD5",
        DigestAlgorithm.Md5Sess => "MD5-sess",
        DigestAlgorithm.Sha256 => "SHA-256",
        DigestAlgorithm.Sha256Sess => "SHA-256-sess",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>HA1 = H(username ":" realm ":" password), and for -sess H(that ":" nonce ":" cnonce).</summary>
    public static string ComputeHa1(DigestAlgorithm algorithm, string username, string realm, string password, string nonce, string? cnonce)
    {
        string ha1 = Hash(algorithm, username + ":" + realm + ":" + password);
        if (algorithm is DigestAlgorithm.Md5Sess or DigestAlgorithm.Sha256Sess)
        {
            ha1 = Hash(algorithm, ha1 + ":" + nonce + ":" + cnonce);
        }

        return ha1;
    }

    /// <summary>HA2 = H(method ":" digest-uri) for qop=auth or none.</summary>
    public static string ComputeHa2(DigestAlgorithm algorithm, string method, string digestUri)
        => Hash(algorithm, method + ":" + digestUri);

    /// <summary>
    /// The request-digest: H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2) with a qop, or
    /// H(HA1 ":" nonce ":" HA2) without one (RFC 2069 compatibility).
    /// </summary>
    public static string ComputeResponse(
        DigestAlgorithm algorithm, string username, string realm, string password, string method, string digestUri,
        string nonce, string? qop, string? nonceCount, string? cnonce)
    {
        string ha1 = ComputeHa1(algorithm, username, realm, password, nonce, cnonce);
        string ha2 = ComputeHa2(algorithm, method, digestUri);
        return string.IsNullOrEmpty(qop)
            ? Hash(algorithm, ha1 + ":" + nonce + ":" + ha2)
            : Hash(algorithm, ha1 + ":" + nonce + ":" + nonceCount + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    /// <summary>Lower-case hex of the algorithm's hash of the UTF-8 text.</summary>
    public static string Hash(DigestAlgorithm algorithm, string text)
    {
        byte[] input = Encoding.UTF8.GetBytes(text);
        if (algorithm is DigestAlgorithm.Md5 or DigestAlgorithm.Md5Sess)
        {
#pragma warning disable CA5351 // MD5 is what RFC 2617/3261 Digest mandates; it is not used for anything else.
            using var md5 = MD5.Create();
            return SipSyntax.ToHexLower(md5.ComputeHash(input));
#pragma warning restore CA5351
        }

        using var sha256 = SHA256.Create();
        return SipSyntax.ToHexLower(sha256.ComputeHash(input));
    }
}
