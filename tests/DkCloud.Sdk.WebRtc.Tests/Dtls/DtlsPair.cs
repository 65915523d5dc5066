using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Dtls;
using DkCloud.Sdk.WebRtc.Srtp;

namespace DkCloud.Sdk.WebRtc.Tests.Dtls;

/// <summary>Two DTLS-SRTP endpoints joined by an in-memory link; A plays the client unless told otherwise.</summary>
internal sealed class DtlsPair : IDisposable
{
    public DtlsPair(IReadOnlyList<SrtpProfile>? aProfiles = null, IReadOnlyList<SrtpProfile>? bProfiles = null, double loss = 0, int seed = 1, TimeSpan? retransmit = null)
    {
        ACertificate = DtlsCertificate.Generate(TimeProvider.System);
        BCertificate = DtlsCertificate.Generate(TimeProvider.System);
        AToB = new InMemoryDatagramLink(loss, seed);
        BToA = new InMemoryDatagramLink(loss, seed + 1000);
        A = new DtlsSrtpTransport(AToB, ACertificate, Options(aProfiles, retransmit));
        B = new DtlsSrtpTransport(BToA, BCertificate, Options(bProfiles, retransmit));
        AToB.Receiver = datagram => B.Deliver(datagram);
        BToA.Receiver = datagram => A.Deliver(datagram);
    }

    public DtlsCertificate ACertificate { get; }

    public DtlsCertificate BCertificate { get; }

    public InMemoryDatagramLink AToB { get; }

    public InMemoryDatagramLink BToA { get; }

    public DtlsSrtpTransport A { get; }

    public DtlsSrtpTransport B { get; }

    /// <summary>Runs both handshakes; A is the client when <paramref name="aIsClient"/>.</summary>
    public (Task<DtlsSrtpKeys> A, Task<DtlsSrtpKeys> B) Start(bool aIsClient, DtlsFingerprint? aExpects = null, DtlsFingerprint? bExpects = null, CancellationToken cancellationToken = default)
    {
        Task<DtlsSrtpKeys> b = B.HandshakeAsync(aIsClient ? DtlsRole.Server : DtlsRole.Client, bExpects ?? ACertificate.Fingerprint, cancellationToken);
        Task<DtlsSrtpKeys> a = A.HandshakeAsync(aIsClient ? DtlsRole.Client : DtlsRole.Server, aExpects ?? BCertificate.Fingerprint, cancellationToken);
        return (a, b);
    }

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
    }

    private static DtlsSrtpOptions Options(IReadOnlyList<SrtpProfile>? profiles, TimeSpan? retransmit)
    {
        var options = new DtlsSrtpOptions { HandshakeTimeout = TimeSpan.FromSeconds(30) };
        if (profiles is not null)
        {
            options.Profiles = profiles;
        }

        if (retransmit is not null)
        {
            options.InitialRetransmissionTimeout = retransmit.Value;
        }

        return options;
    }
}
