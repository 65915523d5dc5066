using System;
using System.Security.Cryptography;
using System.Text;
using DkCloud.Sdk.WebRtc.Sip;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Sip;

/// <summary>Exact vectors of RFC 2617 §3.5 and RFC 7616 §3.9.1 (Vectors/digest-rfc2617-rfc7616.txt).</summary>
public class DigestAuthenticationTests
{
    private const string Rfc7616Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private const string Rfc7616Cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    [Fact]
    public void Vector_file_holds_the_values_used_here()
    {
        string text = Encoding.UTF8.GetString(TestVectors.Read("digest-rfc2617-rfc7616.txt"));
        Assert.Contains("response:   6629fae49393a05397450978507c4ef1", text, StringComparison.Ordinal);
        Assert.Contains("algorithm=MD5      response: 8ca523f5e9506fed4657c9700eebdbec", text, StringComparison.Ordinal);
        Assert.Contains("algorithm=SHA-256  response: 753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rfc2617_md5_example()
    {
        Assert.Equal("939e7578ed9e3c518a452acee763bce9",
            DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "Circle Of Life", "x", null));
        Assert.Equal("39aff3a2bab6126f332b942af96d3366", DigestCalculator.ComputeHa2(DigestAlgorithm.Md5, "GET", "/dir/index.html"));
        Assert.Equal("6629fae49393a05397450978507c4ef1", DigestCalculator.ComputeResponse(
            DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "Circle Of Life", "GET", "/dir/index.html",
            "dcd98b7102dd2f0e8b11d0f600bfb0c093", "auth", "00000001", "0a4f113b"));
    }

    [Theory]
    [InlineData("MD5", "3d78807defe7de2157e2b0b6573a855f", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("SHA-256", "7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Rfc7616_examples(string token, string ha1, string response)
    {
        Assert.True(DigestCalculator.TryParseAlgorithm(token, out DigestAlgorithm algorithm));
        Assert.Equal(ha1, DigestCalculator.ComputeHa1(algorithm, "Mufasa", "http-auth@example.org", "Circle of Life", Rfc7616Nonce, null));
        Assert.Equal(response, DigestCalculator.ComputeResponse(
            algorithm, "Mufasa", "http-auth@example.org", "Circle of Life", "GET", "/dir/index.html",
            Rfc7616Nonce, "auth", "00000001", Rfc7616Cnonce));
    }

    [Fact]
    public void Authenticator_answers_the_rfc2617_challenge_exactly()
    {
        // The RFC's challenge, folded as printed.
        SipAuthChallenge challenge = SipAuthChallenge.Parse(
            "Digest\r\n        realm=\"testrealm@host.com\",\r\n        qop=\"auth,auth-int\",\r\n"
            + "        nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\",\r\n        opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
        var authenticator = new DigestAuthenticator(new DigestCredentials("Mufasa", "Circle Of Life"), () => "0a4f113b");

        Assert.True(authenticator.TryAccept(challenge));
        SipAuthChallenge credentials = SipAuthChallenge.Parse(authenticator.CreateAuthorization("GET", "/dir/index.html"));

        Assert.Equal("Digest", credentials.Scheme);
        Assert.Equal("Mufasa", credentials.Get("username"));
        Assert.Equal("/dir/index.html", credentials.Get("uri"));
        Assert.Equal("auth", credentials.Get("qop"));
        Assert.Equal("00000001", credentials.Get("nc"));
        Assert.Equal("0a4f113b", credentials.Get("cnonce"));
        Assert.Equal("5ccc069c403ebaf9f0171e9517f40e41", credentials.Opaque);
        Assert.Equal("6629fae49393a05397450978507c4ef1", credentials.Get("response"));
        Assert.Null(credentials.Algorithm);
    }

    [Theory]
    [InlineData("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Authenticator_answers_the_rfc7616_challenges_exactly(string algorithm, string response)
    {
        SipAuthChallenge challenge = SipAuthChallenge.Parse(
            "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=" + algorithm
            + ", nonce=\"" + Rfc7616Nonce + "\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");
        var authenticator = new DigestAuthenticator(new DigestCredentials("Mufasa", "Circle of Life"), () => Rfc7616Cnonce);

        Assert.True(authenticator.TryAccept(challenge));
        SipAuthChallenge credentials = SipAuthChallenge.Parse(authenticator.CreateAuthorization("GET", "/dir/index.html"));

        Assert.Equal(response, credentials.Get("response"));
        Assert.Equal(algorithm, credentials.Algorithm);
    }

    [Fact]
    public void Nonce_count_increments_on_reuse_and_stale_resets_it_without_refusing()
    {
        var authenticator = new DigestAuthenticator(new DigestCredentials("1001", "secret"), () => "c0ffee");
        Assert.True(authenticator.TryAccept(SipAuthChallenge.Parse("Digest realm=\"dk\", nonce=\"n1\", qop=\"auth\"")));

        SipAuthChallenge first = SipAuthChallenge.Parse(authenticator.CreateAuthorization("REGISTER", "sip:dk"));
        SipAuthChallenge second = SipAuthChallenge.Parse(authenticator.CreateAuthorization("REGISTER", "sip:dk"));
        Assert.Equal("00000001", first.Get("nc"));
        Assert.Equal("00000002", second.Get("nc"));
        Assert.NotEqual(first.Get("response"), second.Get("response"));
        Assert.Equal(ExpectedMd5Response("1001", "dk", "secret", "REGISTER", "sip:dk", "n1", "00000002", "c0ffee"), second.Get("response"));

        // The nonce expired: the credentials were right, so answer the new nonce from nc=1 without asking the user.
        Assert.True(authenticator.TryAccept(SipAuthChallenge.Parse("Digest realm=\"dk\", nonce=\"n2\", qop=\"auth\", stale=true")));
        SipAuthChallenge third = SipAuthChallenge.Parse(authenticator.CreateAuthorization("REGISTER", "sip:dk"));
        Assert.Equal("n2", third.Nonce);
        Assert.Equal("00000001", third.Get("nc"));

        // A fresh, non-stale challenge after answering means the password was refused: do not loop.
        Assert.False(authenticator.TryAccept(SipAuthChallenge.Parse("Digest realm=\"dk\", nonce=\"n3\", qop=\"auth\"")));
    }

    [Fact]
    public void After_a_success_a_fresh_challenge_is_answered_again()
    {
        var authenticator = new DigestAuthenticator(new DigestCredentials("1001", "secret"), () => "c");
        Assert.True(authenticator.TryAccept(SipAuthChallenge.Parse("Digest realm=\"dk\", nonce=\"n1\"")));
        authenticator.CreateAuthorization("REGISTER", "sip:dk");
        authenticator.ConfirmAccepted();

        Assert.True(authenticator.TryAccept(SipAuthChallenge.Parse("Digest realm=\"dk\", nonce=\"n2\"")));
        Assert.Equal("n2", SipAuthChallenge.Parse(authenticator.CreateAuthorization("REGISTER", "sip:dk")).Nonce);
        Assert.False(authenticator.TryAccept(SipAuthChallenge.Parse("Digest realm=\"dk\", nonce=\"n3\"")));
    }

    [Fact]
    public void No_qop_uses_the_rfc2069_form()
    {
        var authenticator = new DigestAuthenticator(new DigestCredentials("1001", "secret"));
        Assert.True(authenticator.TryAccept(SipAuthChallenge.Parse("Digest realm=\"dk\", nonce=\"abc\"")));
        SipAuthChallenge credentials = SipAuthChallenge.Parse(authenticator.CreateAuthorization("INVITE", "sip:2000@dk"));

        Assert.Null(credentials.Get("qop"));
        Assert.Null(credentials.Get("nc"));
        Assert.Null(credentials.Get("cnonce"));
        string ha1 = Md5("1001:dk:secret");
        string ha2 = Md5("INVITE:sip:2000@dk");
        Assert.Equal(Md5(ha1 + ":abc:" + ha2), credentials.Get("response"));
    }

    [Fact]
    public void Sess_algorithms_hash_nonce_and_cnonce_into_ha1()
    {
        string plain = Md5("u:r:p");
        Assert.Equal(Md5(plain + ":n:c"), DigestCalculator.ComputeHa1(DigestAlgorithm.Md5Sess, "u", "r", "p", "n", "c"));
        string sha = Sha256("u:r:p");
        Assert.Equal(Sha256(sha + ":n:c"), DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256Sess, "u", "r", "p", "n", "c"));
    }

    [Theory]
    [InlineData("Basic realm=\"dk\"")]
    [InlineData("Digest realm=\"dk\", nonce=\"n\", algorithm=SHA-512-256")]
    [InlineData("Digest realm=\"dk\", nonce=\"n\", qop=\"auth-int\"")]
    [InlineData("Digest realm=\"dk\"")]
    public void Unanswerable_challenges_are_refused(string challenge)
    {
        var authenticator = new DigestAuthenticator(new DigestCredentials("1001", "secret"));
        Assert.False(authenticator.TryAccept(SipAuthChallenge.Parse(challenge)));
        Assert.False(authenticator.HasChallenge);
        Assert.Throws<InvalidOperationException>(() => authenticator.CreateAuthorization("REGISTER", "sip:dk"));
    }

    [Fact]
    public void Password_and_response_never_appear_in_text()
    {
        var credentials = new DigestCredentials("1001", "TopSecret!");
        var authenticator = new DigestAuthenticator(credentials, () => "c");
        authenticator.TryAccept(SipAuthChallenge.Parse("Digest realm=\"dk\", nonce=\"n\", qop=\"auth\""));
        string response = SipAuthChallenge.Parse(authenticator.CreateAuthorization("REGISTER", "sip:dk")).Get("response")!;

        Assert.DoesNotContain("TopSecret", credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("TopSecret", authenticator.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(response, authenticator.ToString(), StringComparison.Ordinal);
        var exception = Assert.Throws<InvalidOperationException>(() => new DigestAuthenticator(credentials).CreateAuthorization("X", "sip:dk"));
        Assert.DoesNotContain("TopSecret", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Challenge_is_read_from_a_401_response()
    {
        byte[] data = Encoding.ASCII.GetBytes(
            "SIP/2.0 401 Unauthorized\r\nVia: SIP/2.0/WS abc.invalid;branch=z9hG4bK1\r\nFrom: <sip:1001@dk>;tag=a\r\n"
            + "To: <sip:1001@dk>;tag=b\r\nCall-ID: c1\r\nCSeq: 1 REGISTER\r\n"
            + "WWW-Authenticate: Digest realm=\"dk\", nonce=\"n,1\", algorithm=MD5, qop=\"auth\", stale=FALSE\r\nContent-Length: 0\r\n\r\n");
        SipAuthChallenge challenge = Assert.Single(SipMessage.Parse(data).WwwAuthenticate);
        Assert.Equal("n,1", challenge.Nonce);
        Assert.Equal("dk", challenge.Realm);
        Assert.False(challenge.Stale);
        Assert.Equal(new[] { "auth" }, challenge.QopOptions);
    }

    private static string ExpectedMd5Response(string user, string realm, string password, string method, string uri, string nonce, string nc, string cnonce)
        => Md5(Md5(user + ":" + realm + ":" + password) + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + Md5(method + ":" + uri));

#pragma warning disable CA5351
    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
