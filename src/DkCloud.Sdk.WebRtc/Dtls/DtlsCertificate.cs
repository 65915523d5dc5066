using System;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace DkCloud.Sdk.WebRtc.Dtls;

/// <summary>
/// A self-signed ECDSA P-256 certificate and its private key, generated once per call (as browsers do), with its
/// SHA-256 fingerprint for the SDP. Peers authenticate it by the fingerprint, never by a chain.
/// </summary>
internal sealed class DtlsCertificate
{
    private readonly byte[] _der;

    private DtlsCertificate(byte[] der, AsymmetricKeyParameter privateKey)
    {
        _der = der;
        PrivateKey = privateKey;
        Fingerprint = DtlsFingerprint.Compute(der);
    }

    /// <summary>The certificate in DER.</summary>
    public ReadOnlySpan<byte> Der => _der;

    /// <summary>The P-256 private key.</summary>
    public AsymmetricKeyParameter PrivateKey { get; }

    /// <summary>The SHA-256 fingerprint for <c>a=fingerprint</c>.</summary>
    public DtlsFingerprint Fingerprint { get; }

    /// <summary>Generates a new key pair and a certificate valid from one day before now to 30 days after.</summary>
    /// <param name="timeProvider">The clock that dates the certificate.</param>
    public static DtlsCertificate Generate(TimeProvider timeProvider)
    {
        if (timeProvider is null)
        {
            throw new ArgumentNullException(nameof(timeProvider));
        }

        var random = new SecureRandom();
        var keys = new ECKeyPairGenerator();
        keys.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP256r1, random));
        AsymmetricCipherKeyPair pair = keys.GenerateKeyPair();

        var serial = new byte[8];
        random.NextBytes(serial);
        serial[0] &= 0x7F;
        serial[0] |= 0x01;
        DateTime now = timeProvider.GetUtcNow().UtcDateTime;
        var name = new X509Name("CN=DkCloud WebRTC");
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new BigInteger(1, serial));
        generator.SetIssuerDN(name);
        generator.SetSubjectDN(name);
        generator.SetNotBefore(now.AddDays(-1));
        generator.SetNotAfter(now.AddDays(30));
        generator.SetPublicKey(pair.Public);
        X509Certificate certificate = generator.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", pair.Private, random));
        return new DtlsCertificate(certificate.GetEncoded(), pair.Private);
    }

    /// <summary>A copy of the DER bytes.</summary>
    public byte[] ToArray() => (byte[])_der.Clone();
}
