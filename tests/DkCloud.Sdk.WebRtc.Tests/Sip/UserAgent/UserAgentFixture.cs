using System;
using System.Threading;
using System.Threading.Tasks;
using DkCloud.Sdk.WebRtc.Sip;
using DkCloud.Sdk.WebRtc.Sip.UserAgent;
using Microsoft.Extensions.Time.Testing;

namespace DkCloud.Sdk.WebRtc.Tests.Sip.UserAgent;

/// <summary>A user agent on an in-memory transport and a fake clock.</summary>
internal sealed class UserAgentFixture : IDisposable
{
    public UserAgentFixture(bool register = true, bool probes = false, ISipSdpAnswerer? answerer = null, double random = 0.5)
    {
        Options = new SipUserAgentOptions("dkcloud.test", "1001", "pass1001")
        {
            Register = register,
            OptionsProbes = probes,
            SdpAnswerer = answerer,
            Random = () => random,
        };
        Agent = new SipUserAgent(Options, Transport, Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

    public InMemorySipTransport Transport { get; } = new();

    public SipUserAgentOptions Options { get; }

    public SipUserAgent Agent { get; }

    /// <summary>Starts the agent and answers its REGISTER with 200 (expires 600).</summary>
    public async Task StartRegisteredAsync()
    {
        Task started = Agent.StartAsync(CancellationToken.None);
        SipMessage register = await Transport.NextRequestAsync(SipMethod.Register);
        Transport.Deliver(RegisterOk(register));
        await started.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public static SipOutgoingMessage RegisterOk(SipMessage register, int expires = 600)
    {
        SipOutgoingMessage ok = FarEnd.Respond(register, 200);
        ok.Add("Contact", register.GetHeaderValue(SipHeaderName.Contact) + ";expires=" + expires + ";received=\"sip:127.0.0.1:40000;transport=ws\"");
        return ok;
    }

    /// <summary>Delivers an INVITE and waits for the IncomingCall event.</summary>
    public async Task<SipCall> ReceiveCallAsync(SipOutgoingMessage invite)
    {
        var incoming = new TaskCompletionSource<SipCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        Agent.IncomingCall += call => incoming.TrySetResult(call);
        Transport.Deliver(invite);
        return await incoming.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Receives an INVITE, answers it and acknowledges the 200; returns the call and our tag.</summary>
    public async Task<(SipCall Call, string Tag)> EstablishIncomingAsync()
    {
        SipCall call = await ReceiveCallAsync(FarEnd.Invite("sip:1001@x.invalid;transport=ws"));
        await call.AnswerAsync(FarEnd.Answer);
        SipMessage ok = await Transport.NextResponseAsync(200);
        string tag = ok.To.Tag!;
        Transport.Deliver(FarEnd.InDialog("ACK", tag, 10, "z9hG4bKack1"));
        await call.WhenEstablished.WaitAsync(TimeSpan.FromSeconds(10));
        return (call, tag);
    }

    public void Advance(TimeSpan by) => Time.Advance(by);

    public void Dispose() => Agent.Dispose();
}
