using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using DkCloud.Sdk.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace DkCloud.Sdk.Tests.Fault;

/// <summary>wss:// validates the server's certificate unless the app says otherwise.</summary>
[Trait("Category", "Fault")]
public sealed class TlsTests
{
    [Fact]
    public async Task A_self_signed_server_is_refused_by_default_and_accepted_when_pinned()
    {
        using var certificate = SelfSigned();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        await using var app = builder.Build();
        app.UseWebSockets();
        app.Map("/agent", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await ScriptedServer.AcceptLoginAsync(socket);
            await ScriptedServer.ReceiveAsync(socket);
        });
        await app.StartAsync();
        var port = new Uri(System.Linq.Enumerable.First(app.Urls)).Port;
        var url = new Uri($"wss://127.0.0.1:{port}/agent");

        await using (var strict = new DkyClient(TestOptions.Valid(url)))
        {
            var ex = await Assert.ThrowsAsync<DkyConnectionException>(() => strict.InitAsync());
            Assert.Equal(ConnectionFailureKind.UnableToConnect, ex.Kind);
            Assert.Equal(SessionState.Idle, strict.State);
        }

        var pinned = TestOptions.Valid(url);
        var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        pinned.ServerCertificateValidation = (_, cert, _, _) =>
            cert is not null && string.Equals(new X509Certificate2(cert).GetCertHashString(HashAlgorithmName.SHA256), thumbprint, StringComparison.Ordinal);
        await using var trusting = new DkyClient(pinned);
        await trusting.InitAsync();
        Assert.Equal(SessionState.LoggedIn, trusting.State);
    }

    [Fact]
    public void Plain_ws_is_refused_for_remote_hosts()
    {
        var o = TestOptions.Valid(new Uri("ws://10.1.2.3/agent"));
        Assert.Throws<DkyOptionsException>(() => new DkyClient(o));
        o.AllowInsecureWebSocket = true;
        _ = new DkyClient(o);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=dkcloud-test", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }
}
