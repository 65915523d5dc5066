using System;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Sip;
using DkCloud.Sdk.WebRtc.Sip.Registration;
using Xunit;

namespace DkCloud.Sdk.WebRtc.Tests.Sip.UserAgent;

public class RegistrationTests
{
    private static SipOutgoingMessage Challenge(SipMessage request, string nonce, string? algorithm = null, bool stale = false)
    {
        SipOutgoingMessage challenge = FarEnd.Respond(request, 401);
        challenge.Add("WWW-Authenticate", "Digest realm=\"dkcloud.test\", nonce=\"" + nonce + "\", qop=\"auth\""
            + (algorithm is null ? string.Empty : ", algorithm=" + algorithm) + (stale ? ", stale=true" : string.Empty));
        return challenge;
    }

    private static void AssertDigest(SipMessage request, DigestAlgorithm algorithm, string nonce, string nc)
    {
        SipAuthChallenge credentials = SipAuthChallenge.Parse(request.GetHeaderValue("Authorization")!);
        Assert.Equal("1001", credentials.Get("username"));
        Assert.Equal(nonce, credentials.Nonce);
        Assert.Equal("sip:dkcloud.test", credentials.Get("uri"));
        Assert.Equal(nc, credentials.Get("nc"));
        string expected = DigestCalculator.ComputeResponse(algorithm, "1001", "dkcloud.test", "pass1001", "REGISTER", "sip:dkcloud.test", nonce, "auth", nc, credentials.Get("cnonce"));
        Assert.Equal(expected, credentials.Get("response"));
    }

    [Fact]
    public async Task Register_answers_401_with_digest_then_refreshes_30_seconds_before_expiry()
    {
        using var f = new UserAgentFixture();
        Task started = f.Agent.StartAsync(CancellationToken.None);
        SipMessage first = await f.Transport.NextRequestAsync(SipMethod.Register);
        Assert.Equal("600", first.GetHeaderValue(SipHeaderName.Expires));
        Assert.Null(first.GetHeaderValue("Authorization"));
        Assert.Equal("WS", first.Vias[0].Transport);
        Assert.Equal("ws", first.Contacts[0].Address!.Uri!.Transport);
        f.Transport.Deliver(Challenge(first, "n1"));

        SipMessage second = await f.Transport.NextRequestAsync(SipMethod.Register);
        Assert.Equal(first.CallId, second.CallId);
        Assert.Equal(first.CSeq.Number + 1, second.CSeq.Number);
        Assert.Equal(first.From.Tag, second.From.Tag);
        AssertDigest(second, DigestAlgorithm.Md5, "n1", "00000001");
        f.Transport.Deliver(UserAgentFixture.RegisterOk(second, 600));
        await started.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SipRegistrationState.Registered, f.Agent.Registration.State);
        Assert.Equal(600, f.Agent.Registration.GrantedExpires);

        f.Advance(TimeSpan.FromSeconds(569));
        Assert.Equal(0, f.Transport.Count(m => m.IsRequest && m.Method == SipMethod.Register && m.CSeq.Number > second.CSeq.Number));
        f.Advance(TimeSpan.FromSeconds(1));
        SipMessage refresh = await f.Transport.NextRequestAsync(SipMethod.Register);
        Assert.Equal(second.CSeq.Number + 1, refresh.CSeq.Number);
        AssertDigest(refresh, DigestAlgorithm.Md5, "n1", "00000002");
    }

    [Fact]
    public async Task Register_answers_sha256_and_takes_a_stale_nonce_without_failing()
    {
        using var f = new UserAgentFixture();
        Task started = f.Agent.StartAsync(CancellationToken.None);
        SipMessage first = await f.Transport.NextRequestAsync(SipMethod.Register);
        f.Transport.Deliver(Challenge(first, "n1", "SHA-256"));
        SipMessage second = await f.Transport.NextRequestAsync(SipMethod.Register);
        AssertDigest(second, DigestAlgorithm.Sha256, "n1", "00000001");
        f.Transport.Deliver(Challenge(second, "n2", "SHA-256", stale: true));
        SipMessage third = await f.Transport.NextRequestAsync(SipMethod.Register);
        AssertDigest(third, DigestAlgorithm.Sha256, "n2", "00000001");
        f.Transport.Deliver(UserAgentFixture.RegisterOk(third));
        await started.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Wrong_password_fails_with_authentication_failed_and_state_failed()
    {
        using var f = new UserAgentFixture();
        var failed = new TaskCompletionSource<SipRegistrationStateChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Agent.RegistrationStateChanged += args =>
        {
            if (args.State == SipRegistrationState.Failed)
            {
                failed.TrySetResult(args);
            }
        };
        Task started = f.Agent.StartAsync(CancellationToken.None);
        SipMessage first = await f.Transport.NextRequestAsync(SipMethod.Register);
        f.Transport.Deliver(Challenge(first, "n1"));
        SipMessage second = await f.Transport.NextRequestAsync(SipMethod.Register);
        f.Transport.Deliver(Challenge(second, "n2"));
        SipException error = await Assert.ThrowsAsync<SipException>(() => started.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(SipErrorCode.AuthenticationFailed, error.Code);
        Assert.Equal(401, error.StatusCode);
        Assert.Equal("Unauthorized", error.Status!.ReasonPhrase);
        SipRegistrationStateChangedEventArgs state = await failed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Same(error, state.Error);
    }

    [Fact]
    public async Task Interval_too_brief_retries_with_min_expires()
    {
        using var f = new UserAgentFixture();
        Task started = f.Agent.StartAsync(CancellationToken.None);
        SipMessage first = await f.Transport.NextRequestAsync(SipMethod.Register);
        SipOutgoingMessage brief = FarEnd.Respond(first, 423);
        brief.Add("Min-Expires", "1200");
        f.Transport.Deliver(brief);
        SipMessage second = await f.Transport.NextRequestAsync(SipMethod.Register);
        Assert.Equal("1200", second.GetHeaderValue(SipHeaderName.Expires));
        f.Transport.Deliver(UserAgentFixture.RegisterOk(second, 1200));
        await started.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1200, f.Agent.Registration.GrantedExpires);
        Assert.Equal(f.Time.GetUtcNow() + TimeSpan.FromSeconds(1170), f.Agent.Registration.NextRefreshAt);
    }

    [Fact]
    public async Task Unregister_sends_expires_zero_and_stops_refreshing()
    {
        using var f = new UserAgentFixture();
        await f.StartRegisteredAsync();
        Task done = f.Agent.Registration.UnregisterAsync(CancellationToken.None);
        SipMessage unregister = await f.Transport.NextRequestAsync(SipMethod.Register);
        Assert.Equal("0", unregister.GetHeaderValue(SipHeaderName.Expires));
        f.Transport.Deliver(FarEnd.Respond(unregister, 200));
        await done.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SipRegistrationState.Unregistered, f.Agent.Registration.State);
        Assert.Null(f.Agent.Registration.NextRefreshAt);
        f.Advance(TimeSpan.FromHours(1));
        Assert.Equal(2, f.Transport.Count(m => m.IsRequest && m.Method == SipMethod.Register));
    }

    [Fact]
    public async Task Registrar_rejection_is_typed_with_the_status()
    {
        using var f = new UserAgentFixture();
        Task started = f.Agent.StartAsync(CancellationToken.None);
        SipMessage first = await f.Transport.NextRequestAsync(SipMethod.Register);
        f.Transport.Deliver(FarEnd.Respond(first, 403));
        SipException error = await Assert.ThrowsAsync<SipException>(() => started.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(SipErrorCode.Rejected, error.Code);
        Assert.Equal(403, error.StatusCode);
    }
}
