using System;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Dtls;
using DkCloud.Sdk.WebRtc.Srtp;
using Org.BouncyCastle.Tls;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Dtls;

public class DtlsHandshakeTests
{
    private const SrtpProfile Cm80 = SrtpProfile.AesCm128HmacSha1_80;
    private const SrtpProfile Gcm128 = SrtpProfile.AeadAes128Gcm;
    private const SrtpProfile Gcm256 = SrtpProfile.AeadAes256Gcm;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>Client offer, server preference, expected choice; each row runs with A as client and with A as server.</summary>
    [Theory]
    [InlineData("Gcm256,Gcm128,Cm80", "Gcm256,Gcm128,Cm80", "Gcm256", true)]
    [InlineData("Gcm256,Gcm128,Cm80", "Gcm256,Gcm128,Cm80", "Gcm256", false)]
    [InlineData("Cm80", "Gcm256,Gcm128,Cm80", "Cm80", true)]
    [InlineData("Cm80", "Gcm256,Gcm128,Cm80", "Cm80", false)]
    [InlineData("Gcm256,Gcm128,Cm80", "Cm80", "Cm80", true)]
    [InlineData("Gcm256,Gcm128,Cm80", "Cm80", "Cm80", false)]
    [InlineData("Gcm128,Cm80", "Gcm256,Gcm128,Cm80", "Gcm128", true)]
    [InlineData("Gcm128,Cm80", "Gcm256,Gcm128,Cm80", "Gcm128", false)]
    [InlineData("Gcm256,Cm80", "Gcm128,Cm80", "Cm80", true)]
    [InlineData("Gcm256,Cm80", "Gcm128,Cm80", "Cm80", false)]
    [InlineData("Cm80,Gcm128", "Gcm128,Cm80", "Gcm128", true)]
    [InlineData("Cm80,Gcm128", "Gcm128,Cm80", "Gcm128", false)]
    public async Task Handshake_NegotiatesProfile_InBothRoles_AndKeysFit(string clientOffer, string serverPreference, string expectedName, bool aIsClient)
    {
        SrtpProfile[] clientProfiles = Profiles(clientOffer);
        SrtpProfile[] serverProfiles = Profiles(serverPreference);
        SrtpProfile expected = Profiles(expectedName)[0];
        using var pair = aIsClient ? new DtlsPair(clientProfiles, serverProfiles) : new DtlsPair(serverProfiles, clientProfiles);
        (Task<DtlsSrtpKeys> aTask, Task<DtlsSrtpKeys> bTask) = pair.Start(aIsClient);
        DtlsSrtpKeys a = await aTask.WaitAsync(Limit);
        DtlsSrtpKeys b = await bTask.WaitAsync(Limit);

        Assert.Equal(expected, a.Profile);
        Assert.Equal(expected, b.Profile);
        Assert.True(a.ExtendedMasterSecret);
        Assert.True(b.ExtendedMasterSecret);
        Assert.Equal(a.CipherSuite, b.CipherSuite);
        Assert.Equal(pair.BCertificate.Fingerprint.ToString(), a.RemoteFingerprint.ToString());
        Assert.Equal(pair.ACertificate.Fingerprint.ToString(), b.RemoteFingerprint.ToString());
        Assert.Equal(SrtpProfileInfo.KeyLength(expected), a.LocalMasterKey.Length);
        Assert.Equal(SrtpProfileInfo.SaltLength(expected), a.LocalMasterSalt.Length);
        Assert.Equal(a.LocalMasterKey.ToArray(), b.RemoteMasterKey.ToArray());
        Assert.Equal(a.LocalMasterSalt.ToArray(), b.RemoteMasterSalt.ToArray());
        Assert.Equal(b.LocalMasterKey.ToArray(), a.RemoteMasterKey.ToArray());
        Assert.NotEqual(a.LocalMasterKey.ToArray(), a.RemoteMasterKey.ToArray());
        Assert.True(pair.A.IsConnected);
        Assert.True(pair.B.IsConnected);

        using SrtpContext aSend = a.CreateSendContext();
        using SrtpContext aReceive = a.CreateReceiveContext();
        using SrtpContext bSend = b.CreateSendContext();
        using SrtpContext bReceive = b.CreateReceiveContext();
        SrtpRoundTrip.Check(aSend, bReceive, 0x1111);
        SrtpRoundTrip.Check(bSend, aReceive, 0x2222);
    }

    private static SrtpProfile[] Profiles(string names)
    {
        string[] parts = names.Split(',');
        var profiles = new SrtpProfile[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            profiles[i] = parts[i] switch
            {
                "Cm80" => Cm80,
                "Gcm128" => Gcm128,
                "Gcm256" => Gcm256,
                _ => throw new ArgumentException(parts[i]),
            };
        }

        return profiles;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task NoCommonProfile_FailsOnBothSides(bool aIsClient)
    {
        SrtpProfile[] client = { Gcm256 };
        SrtpProfile[] server = { Cm80 };
        using var pair = aIsClient ? new DtlsPair(client, server) : new DtlsPair(server, client);
        (Task<DtlsSrtpKeys> a, Task<DtlsSrtpKeys> b) = pair.Start(aIsClient);
        Task<DtlsSrtpKeys> serverTask = aIsClient ? b : a;
        Task<DtlsSrtpKeys> clientTask = aIsClient ? a : b;

        var serverError = await Assert.ThrowsAsync<DtlsHandshakeException>(() => serverTask.WaitAsync(Limit));
        var clientError = await Assert.ThrowsAsync<DtlsHandshakeException>(() => clientTask.WaitAsync(Limit));
        Assert.Equal(DtlsHandshakeError.NoCommonSrtpProfile, serverError.Error);
        Assert.Equal(DtlsHandshakeError.AlertReceived, clientError.Error);
        Assert.Equal(AlertDescription.handshake_failure, clientError.Alert);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ServerFingerprintMismatch_AbortsTheClient(bool aIsClient)
    {
        using var pair = new DtlsPair();
        DtlsFingerprint wrong = DtlsCertificate.Generate(TimeProvider.System).Fingerprint;

        // The client (A or B) expects a fingerprint the server's certificate does not have.
        (Task<DtlsSrtpKeys> a, Task<DtlsSrtpKeys> b) = aIsClient ? pair.Start(true, aExpects: wrong) : pair.Start(false, bExpects: wrong);
        Task<DtlsSrtpKeys> clientTask = aIsClient ? a : b;
        Task<DtlsSrtpKeys> serverTask = aIsClient ? b : a;

        var clientError = await Assert.ThrowsAsync<DtlsHandshakeException>(() => clientTask.WaitAsync(Limit));
        Assert.Equal(DtlsHandshakeError.FingerprintMismatch, clientError.Error);
        Assert.Contains("fingerprint", clientError.Message, StringComparison.Ordinal);
        var serverError = await Assert.ThrowsAsync<DtlsHandshakeException>(() => serverTask.WaitAsync(Limit));
        Assert.Equal(DtlsHandshakeError.AlertReceived, serverError.Error);
        Assert.Equal(AlertDescription.bad_certificate, serverError.Alert);
    }

    [Fact]
    public async Task ClientFingerprintMismatch_AbortsTheServer()
    {
        using var pair = new DtlsPair();
        DtlsFingerprint wrong = DtlsCertificate.Generate(TimeProvider.System).Fingerprint;
        (Task<DtlsSrtpKeys> a, Task<DtlsSrtpKeys> b) = pair.Start(aIsClient: true, bExpects: wrong);

        var serverError = await Assert.ThrowsAsync<DtlsHandshakeException>(() => b.WaitAsync(Limit));
        Assert.Equal(DtlsHandshakeError.FingerprintMismatch, serverError.Error);
        var clientError = await Assert.ThrowsAsync<DtlsHandshakeException>(() => a.WaitAsync(Limit));
        Assert.Equal(DtlsHandshakeError.AlertReceived, clientError.Error);
    }

    [Theory]
    [InlineData(11, true)]
    [InlineData(22, false)]
    [InlineData(31, true)]
    [InlineData(33, false)]
    [InlineData(35, true)]
    [InlineData(52, false)]
    public async Task Handshake_CompletesWithTwentyPercentLoss(int seed, bool aIsClient)
    {
        using var pair = new DtlsPair(loss: 0.2, seed: seed, retransmit: TimeSpan.FromMilliseconds(50));
        (Task<DtlsSrtpKeys> aTask, Task<DtlsSrtpKeys> bTask) = pair.Start(aIsClient);
        DtlsSrtpKeys a = await aTask.WaitAsync(Limit);
        DtlsSrtpKeys b = await bTask.WaitAsync(Limit);

        Assert.Equal(a.LocalMasterKey.ToArray(), b.RemoteMasterKey.ToArray());
        Assert.Equal(b.LocalMasterKey.ToArray(), a.RemoteMasterKey.ToArray());
        Assert.True(pair.AToB.Sent + pair.BToA.Sent > 0);
        using SrtpContext aSend = a.CreateSendContext();
        using SrtpContext bReceive = b.CreateReceiveContext();
        SrtpRoundTrip.Check(aSend, bReceive, 0x3333);
    }

    [Fact]
    public async Task Flights_ArePackedIntoFewDatagrams()
    {
        using var pair = new DtlsPair();
        (Task<DtlsSrtpKeys> a, Task<DtlsSrtpKeys> b) = pair.Start(aIsClient: true);
        await a.WaitAsync(Limit);
        await b.WaitAsync(Limit);

        // ClientHello, then Certificate..Finished; ServerHello..ServerHelloDone, then ChangeCipherSpec and Finished.
        Assert.InRange(pair.AToB.Sent, 2, 3);
        Assert.InRange(pair.BToA.Sent, 2, 3);
    }

    [Fact]
    public async Task Handshake_WithNoPeer_TimesOutAsCancellationWithTimeoutInside()
    {
        var link = new InMemoryDatagramLink(loss: 1.0, seed: 5);
        var options = new DtlsSrtpOptions { HandshakeTimeout = TimeSpan.FromSeconds(1), InitialRetransmissionTimeout = TimeSpan.FromMilliseconds(100) };
        using var transport = new DtlsSrtpTransport(link, DtlsCertificate.Generate(TimeProvider.System), options);
        DtlsFingerprint peer = DtlsCertificate.Generate(TimeProvider.System).Fingerprint;

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transport.HandshakeAsync(DtlsRole.Client, peer).WaitAsync(Limit));
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.True(link.Dropped >= 2, "The ClientHello should have been retransmitted.");
    }

    [Fact]
    public async Task Handshake_Cancelled_ReportsCancellation()
    {
        var link = new InMemoryDatagramLink(loss: 1.0, seed: 6);
        using var transport = new DtlsSrtpTransport(link, DtlsCertificate.Generate(TimeProvider.System));
        using var cancel = new System.Threading.CancellationTokenSource();
        Task<DtlsSrtpKeys> handshake = transport.HandshakeAsync(DtlsRole.Server, DtlsCertificate.Generate(TimeProvider.System).Fingerprint, cancel.Token);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => handshake.WaitAsync(Limit));
        await Assert.ThrowsAsync<InvalidOperationException>(() => transport.HandshakeAsync(DtlsRole.Server, transport.LocalFingerprint));
    }

    [Fact]
    public async Task PeerClose_RaisesClosed()
    {
        using var pair = new DtlsPair();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pair.B.Closed += (_, _) => closed.TrySetResult();
        (Task<DtlsSrtpKeys> a, Task<DtlsSrtpKeys> b) = pair.Start(aIsClient: true);
        await a.WaitAsync(Limit);
        await b.WaitAsync(Limit);

        pair.A.Dispose();

        await closed.Task.WaitAsync(Limit);
        Assert.False(pair.B.IsConnected);
    }

    [Fact]
    public async Task After_the_handshake_no_thread_is_held_and_a_peer_close_is_still_noticed()
    {
        using var pair = new DtlsPair();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pair.B.Closed += (_, _) => closed.TrySetResult();
        (Task<DtlsSrtpKeys> a, Task<DtlsSrtpKeys> b) = pair.Start(aIsClient: true);
        await a.WaitAsync(Limit);
        await b.WaitAsync(Limit);

        // Both handshake threads end with their handshakes; what comes later is processed where it is delivered.
        await pair.A.HandshakeThread!.WaitAsync(Limit);
        await pair.B.HandshakeThread!.WaitAsync(Limit);
        Assert.True(pair.A.IsConnected);
        Assert.True(pair.B.IsConnected);

        pair.A.Dispose();

        await closed.Task.WaitAsync(Limit);
        Assert.False(pair.B.IsConnected);
    }
}
