using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Dtls;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Dtls;

/// <summary>
/// Handshake retransmission on a <see cref="FakeTimeProvider"/>: every wait below is fake time, and the only real waits
/// are BouncyCastle's own wall-clock timeouts, made 1 ms through <see cref="DtlsSrtpOptions.EngineRetransmissionTimeout"/>.
/// </summary>
public class DtlsRetransmissionTests
{
    private const byte ChangeCipherSpec = 20;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task LostFirstFlight_GoesAgainAfter1_2_4And8Seconds_ThenTheHandshakeCompletes()
    {
        var time = new FakeTimeProvider();
        using var pair = new Endpoints(time);
        bool losing = true;
        pair.ClientToServer.Drop = (_, _) => Volatile.Read(ref losing);
        var retransmissions = new Recorder(pair.Client, 4, e => e.ByTimer);

        (Task<DtlsSrtpKeys> client, Task<DtlsSrtpKeys> server) = pair.Start();
        await pair.ClientToServer.WhenSent(1).WaitAsync(Limit);
        int sent = 1;
        foreach (int seconds in new[] { 1, 2, 4 })
        {
            time.Advance(TimeSpan.FromSeconds(seconds));
            await pair.ClientToServer.WhenSent(++sent).WaitAsync(Limit);
        }

        Volatile.Write(ref losing, false);
        time.Advance(TimeSpan.FromSeconds(8));
        DtlsSrtpKeys clientKeys = await client.WaitAsync(Limit);
        DtlsSrtpKeys serverKeys = await server.WaitAsync(Limit);
        DtlsRetransmissionEventArgs[] byTimer = await retransmissions.First.WaitAsync(Limit);

        // The ClientHello went out at 0 s and again at 1, 3, 7 and 15 s (fake time), each wait twice the last.
        Assert.Equal(Seconds(0, 1, 3, 7, 15), pair.ClientToServer.SendTimes().Take(5).ToArray());
        Assert.Equal(new[] { true, true, true, true, false }, pair.ClientToServer.Dropped().Take(5).ToArray());
        Assert.All(byTimer, e => Assert.Equal(1, e.Flight));
        Assert.Equal(new[] { 1, 2, 3, 4 }, byTimer.Select(e => e.Attempt).ToArray());
        Assert.Equal(Seconds(1, 2, 4, 8), byTimer.Select(e => e.ExpiredTimeout).ToArray());
        Assert.Equal(Seconds(1, 3, 7, 15), byTimer.Select(e => e.SentAt - pair.StartedAt).ToArray());
        Assert.Equal(4, pair.Client.TimerRetransmissions);
        Assert.Equal(0, pair.Server.TimerRetransmissions);
        Assert.Equal(2, pair.Client.FlightsSent);
        Assert.Equal(2, pair.Server.FlightsSent);
        Assert.Equal(clientKeys.LocalMasterKey.ToArray(), serverKeys.RemoteMasterKey.ToArray());
        Assert.Equal(serverKeys.LocalMasterKey.ToArray(), clientKeys.RemoteMasterKey.ToArray());
    }

    [Fact]
    public async Task LostFinalFlight_TheClientsTimerRepeatsItsFlight_AndTheFinishedServerAnswersAgain()
    {
        var time = new FakeTimeProvider();
        using var pair = new Endpoints(time);

        // The server's last flight (ChangeCipherSpec, Finished) is lost until the client's timer has repeated its own;
        // BouncyCastle may repeat flights on its own meanwhile (see EngineRetransmissionTimeout), and those are lost too.
        pair.ServerToClient.Drop = (_, datagram) => datagram[0] == ChangeCipherSpec && pair.Client.TimerRetransmissions == 0;
        var retransmissions = new Recorder(pair.Client, 1, e => e.ByTimer);
        var serverAnswers = new Recorder(pair.Server, 1, e => !e.ByTimer && e.Flight == 2);

        (Task<DtlsSrtpKeys> client, Task<DtlsSrtpKeys> server) = pair.Start();
        await server.WaitAsync(Limit);
        Assert.False(client.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        await client.WaitAsync(Limit);
        DtlsRetransmissionEventArgs first = Assert.Single(await retransmissions.First.WaitAsync(Limit));
        await serverAnswers.First.WaitAsync(Limit);

        Assert.Equal(2, first.Flight);
        Assert.Equal(TimeSpan.FromSeconds(1), first.ExpiredTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), first.SentAt - pair.StartedAt);
        Assert.Equal(1, pair.Client.TimerRetransmissions);
        Assert.Equal(0, pair.Server.TimerRetransmissions);
        Assert.Contains(true, pair.ServerToClient.Dropped());
    }

    [Theory]
    [InlineData(true, 1, 3)]
    [InlineData(false, 0, 0)]
    public async Task SilentPeer_FailsAtTheHandshakeTimeout_AsATimeout(bool client, int flights, int retransmissions)
    {
        DtlsRole role = client ? DtlsRole.Client : DtlsRole.Server;
        var time = new FakeTimeProvider();
        var link = new ScriptedDatagramLink(time) { Drop = (_, _) => true };
        var options = new DtlsSrtpOptions { HandshakeTimeout = TimeSpan.FromSeconds(10), EngineRetransmissionTimeout = TimeSpan.FromMilliseconds(1) };
        using var transport = new DtlsSrtpTransport(link, DtlsCertificate.Generate(time), options, time);

        Task<DtlsSrtpKeys> handshake = transport.HandshakeAsync(role, DtlsCertificate.Generate(time).Fingerprint);
        if (role == DtlsRole.Client)
        {
            await link.WhenSent(1).WaitAsync(Limit);
            int sent = 1;
            foreach (int seconds in new[] { 1, 2, 4 })
            {
                time.Advance(TimeSpan.FromSeconds(seconds));
                await link.WhenSent(++sent).WaitAsync(Limit);
            }
        }

        time.Advance(TimeSpan.FromSeconds(10) - (time.GetUtcNow() - link.CreatedAt) - TimeSpan.FromMilliseconds(1));
        Assert.False(handshake.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => handshake.WaitAsync(Limit));
        TimeoutException timeout = Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Contains("within 10 s", timeout.Message, StringComparison.Ordinal);
        Assert.Contains(flights + (flights == 1 ? " flight " : " flights ") + "sent, " + retransmissions + " retransmissions on timeout", timeout.Message, StringComparison.Ordinal);
        Assert.Equal(role == DtlsRole.Client ? Seconds(0, 1, 3, 7) : Array.Empty<TimeSpan>(), link.SendTimes());
        Assert.False(transport.IsConnected);
    }

    private static TimeSpan[] Seconds(params int[] values) => values.Select(v => TimeSpan.FromSeconds(v)).ToArray();

    /// <summary>A client and a server on one fake clock, each with a scripted link toward the other.</summary>
    private sealed class Endpoints : IDisposable
    {
        private readonly DtlsCertificate _clientCertificate;
        private readonly DtlsCertificate _serverCertificate;

        public Endpoints(FakeTimeProvider time)
        {
            StartedAt = time.GetUtcNow();
            var options = new DtlsSrtpOptions { EngineRetransmissionTimeout = TimeSpan.FromMilliseconds(1) };
            _clientCertificate = DtlsCertificate.Generate(time);
            _serverCertificate = DtlsCertificate.Generate(time);
            ClientToServer = new ScriptedDatagramLink(time);
            ServerToClient = new ScriptedDatagramLink(time);
            Client = new DtlsSrtpTransport(ClientToServer, _clientCertificate, options, time);
            Server = new DtlsSrtpTransport(ServerToClient, _serverCertificate, options, time);
            ClientToServer.Receiver = datagram => Server.Deliver(datagram);
            ServerToClient.Receiver = datagram => Client.Deliver(datagram);
        }

        public DateTimeOffset StartedAt { get; }

        public ScriptedDatagramLink ClientToServer { get; }

        public ScriptedDatagramLink ServerToClient { get; }

        public DtlsSrtpTransport Client { get; }

        public DtlsSrtpTransport Server { get; }

        public (Task<DtlsSrtpKeys> Client, Task<DtlsSrtpKeys> Server) Start()
        {
            Task<DtlsSrtpKeys> server = Server.HandshakeAsync(DtlsRole.Server, _clientCertificate.Fingerprint);
            Task<DtlsSrtpKeys> client = Client.HandshakeAsync(DtlsRole.Client, _serverCertificate.Fingerprint);
            return (client, server);
        }

        public void Dispose()
        {
            Client.Dispose();
            Server.Dispose();
        }
    }

    /// <summary>Collects a transport's retransmissions; <see cref="First"/> completes with the first few that match.</summary>
    private sealed class Recorder
    {
        private readonly List<DtlsRetransmissionEventArgs> _matching = new();
        private readonly TaskCompletionSource<DtlsRetransmissionEventArgs[]> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Recorder(DtlsSrtpTransport transport, int expected, Func<DtlsRetransmissionEventArgs, bool> match)
        {
            transport.Retransmitted += (_, e) =>
            {
                if (!match(e))
                {
                    return;
                }

                lock (_matching)
                {
                    _matching.Add(e);
                    if (_matching.Count == expected)
                    {
                        _done.TrySetResult(_matching.OrderBy(m => m.SentAt).ToArray());
                    }
                }
            };
        }

        /// <summary>The first retransmissions that match, in the order they were sent.</summary>
        public Task<DtlsRetransmissionEventArgs[]> First => _done.Task;
    }
}
