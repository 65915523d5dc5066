using System;
using DkCloud.Sdk.WebRtc.Dtls;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Dtls;

public class DtlsFingerprintTests
{
    [Fact]
    public void GeneratedCertificate_HasSha256FingerprintInSdpForm()
    {
        DtlsCertificate certificate = DtlsCertificate.Generate(TimeProvider.System);
        string text = certificate.Fingerprint.ToString();

        Assert.StartsWith("sha-256 ", text, StringComparison.Ordinal);
        Assert.Equal(8 + (32 * 3) - 1, text.Length);
        Assert.Matches("^sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}$", text);
        Assert.True(certificate.Fingerprint.Matches(certificate.Der));
        Assert.True(DtlsFingerprint.Parse(text).Matches(certificate.Der));
    }

    [Fact]
    public void TwoCertificates_DoNotMatchEachOther()
    {
        DtlsCertificate one = DtlsCertificate.Generate(TimeProvider.System);
        DtlsCertificate two = DtlsCertificate.Generate(TimeProvider.System);

        Assert.False(one.Fingerprint.Matches(two.Der));
    }

    [Theory]
    [InlineData("SHA-256 ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89", "sha-256")]
    [InlineData("sha-1 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33", "sha-1")]
    public void Parse_AcceptsCaseAndOtherHashes(string text, string algorithm)
    {
        DtlsFingerprint fingerprint = DtlsFingerprint.Parse(text);

        Assert.Equal(algorithm, fingerprint.Algorithm);
        Assert.Equal(text.Substring(text.IndexOf(' ', StringComparison.Ordinal) + 1).ToUpperInvariant(), fingerprint.ToString().Substring(algorithm.Length + 1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha-256")]
    [InlineData("md5 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF")]
    [InlineData("sha-256 00:11")]
    [InlineData("sha-1 00-11-22-33-44-55-66-77-88-99-AA-BB-CC-DD-EE-FF-00-11-22-33")]
    [InlineData("sha-1 0G:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33")]
    public void Parse_RejectsBadInput(string text)
    {
        Assert.False(DtlsFingerprint.TryParse(text, out _));
        Assert.Throws<FormatException>(() => DtlsFingerprint.Parse(text));
    }
}
