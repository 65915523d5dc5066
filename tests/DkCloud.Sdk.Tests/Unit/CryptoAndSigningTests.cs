using System;
using DkCloud.Sdk.OpenApi;
using Xunit;

namespace DkCloud.Sdk.Tests.Unit;

public sealed class CryptoAndSigningTests
{
    [Fact]
    public void Encrypt_then_decrypt_gives_the_text_back_and_is_randomised()
    {
        var a = DkyCrypto.Encrypt("123456", "demo-token");
        var b = DkyCrypto.Encrypt("123456", "demo-token");
        Assert.NotEqual(a, b);
        Assert.Equal("123456", DkyCrypto.Decrypt(a, "demo-token"));
        Assert.Equal("分机密码", DkyCrypto.Decrypt(DkyCrypto.Encrypt("分机密码", "t"), "t"));
    }

    [Fact]
    public void Decrypt_with_the_wrong_token_or_damaged_text_throws_a_typed_error()
    {
        var a = DkyCrypto.Encrypt("123456", "demo-token");
        var wrong = Record.Exception(() => DkyCrypto.Decrypt(a, "other-token"));
        // A wrong key either fails the padding check or yields different text; it never yields the password.
        Assert.True(wrong is DkyException || DkyCrypto.Decrypt(a, "other-token") != "123456");
        Assert.Equal(DkyErrorCodes.InvalidRequest, Assert.Throws<DkyException>(() => DkyCrypto.Decrypt("not base64!", "t")).Code);
        Assert.Equal(DkyErrorCodes.InvalidRequest, Assert.Throws<DkyException>(() => DkyCrypto.Decrypt(Convert.ToBase64String(new byte[20]), "t")).Code);
    }

    [Fact]
    public void Open_api_sign_is_md5_of_project_token_timestamp()
    {
        // md5("10010010010" + "ADSFASF5SDF45WEF524EF5W4EF" + "1720698464"), computed independently with coreutils md5sum.
        Assert.Matches("^[0-9a-f]{32}$", OpenApiSign());
        Assert.Equal(ExpectedSign, OpenApiSign());
    }

    private const string ExpectedSign = "1cea7dc754d969aa8be6fb3dfc2293fb";

    private static string OpenApiSign() => DkyOpenApiClient.Sign("10010010010", "ADSFASF5SDF45WEF524EF5W4EF", 1720698464);
}
