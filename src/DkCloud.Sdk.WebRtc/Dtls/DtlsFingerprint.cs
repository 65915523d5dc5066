using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DkCloud.Sdk.WebRtc.Stun;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>
/// A certificate fingerprint as SDP carries it (RFC 8122 section 5: <c>a=fingerprint:sha-256 AB:CD:...</c>).
/// Accepts sha-1, sha-256, sha-384 and sha-512; this stack always produces sha-256.
/// </summary>
internal sealed class DtlsFingerprint
{
    private readonly byte[] _digest;

    private DtlsFingerprint(string algorithm, byte[] digest)
    {
        Algorithm = algorithm;
        _digest = digest;
    }

    /// <summary>The hash function name in lower case, e.g. <c>sha-256</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The digest bytes.</summary>
    public ReadOnlySpan<byte> Digest => _digest;

    /// <summary>The SHA-256 fingerprint of a DER-encoded certificate.</summary>
    public static DtlsFingerprint Compute(ReadOnlySpan<byte> certificateDer) => Compute("sha-256", certificateDer);

    /// <summary>The fingerprint of a DER-encoded certificate with the named hash function.</summary>
    /// <exception cref="NotSupportedException">The hash function is not one of sha-1, sha-256, sha-384, sha-512.</exception>
    public static DtlsFingerprint Compute(string algorithm, ReadOnlySpan<byte> certificateDer)
    {
        string name = (algorithm ?? throw new ArgumentNullException(nameof(algorithm))).ToLowerInvariant();
        using HashAlgorithm hash = CreateHash(name);
        return new DtlsFingerprint(name, hash.ComputeHash(certificateDer.ToArray()));
    }

    /// <summary>Parses the value of an <c>a=fingerprint</c> attribute: the hash name, one space, colon-separated hex.</summary>
    /// <exception cref="FormatException">The text is not a fingerprint of a supported hash function.</exception>
    public static DtlsFingerprint Parse(string value)
    {
        if (!TryParse(value, out DtlsFingerprint? fingerprint))
        {
            throw new FormatException("Not a sha-1/256/384/512 certificate fingerprint.");
        }

        return fingerprint!;
    }

    /// <summary>Like <see cref="Parse"/>, returning false for bad input.</summary>
    public static bool TryParse(string? value, out DtlsFingerprint? fingerprint)
    {
        fingerprint = null;
        if (value is null)
        {
            return false;
        }

        string text = value.Trim();
        int space = text.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        string algorithm = text.Substring(0, space).ToLowerInvariant();
        int length = DigestLength(algorithm);
        string hex = text.Substring(space + 1).Trim();
        if (length == 0 || hex.Length != (length * 3) - 1)
        {
            return false;
        }

        var digest = new byte[length];
        for (int i = 0; i < length; i++)
        {
            if ((i > 0 && hex[(i * 3) - 1] != ':')
                || !byte.TryParse(hex.Substring(i * 3, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out digest[i]))
            {
                return false;
            }
        }

        fingerprint = new DtlsFingerprint(algorithm, digest);
        return true;
    }

    /// <summary>True when <paramref name="certificateDer"/> hashes to this fingerprint (compared in fixed time).</summary>
    public bool Matches(ReadOnlySpan<byte> certificateDer)
    {
        DtlsFingerprint actual = Compute(Algorithm, certificateDer);
        return CryptoCompare.FixedTimeEquals(actual._digest, _digest);
    }

    /// <summary>The SDP form, e.g. <c>sha-256 AB:CD:...</c> with upper-case hex.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Algorithm.Length + 1 + (_digest.Length * 3));
        text.Append(Algorithm).Append(' ');
        for (int i = 0; i < _digest.Length; i++)
        {
            if (i > 0)
            {
                text.Append(':');
            }

            text.Append(_digest[i].ToString("X2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static int DigestLength(string algorithm) => algorithm switch
    {
        "sha-1" => 20,
        "sha-256" => 32,
        "sha-384" => 48,
        "sha-512" => 64,
        _ => 0,
    };

    private static HashAlgorithm CreateHash(string algorithm)
    {
        switch (algorithm)
        {
            case "sha-1":
#pragma warning disable CA5350 // RFC 8122 lets a peer send a sha-1 fingerprint; it only identifies a certificate.
                return SHA1.Create();
#pragma warning restore CA5350
            case "sha-256":
                return SHA256.Create();
            case "sha-384":
                return SHA384.Create();
            case "sha-512":
                return SHA512.Create();
            default:
                throw new NotSupportedException("Unsupported fingerprint hash function '" + algorithm + "'.");
        }
    }
}
