using System;
using DkCloud.Sdk.Tests.Support;
using Xunit;

namespace DkCloud.Sdk.Tests.Unit;

public sealed class OptionsValidationTests
{
    [Fact]
    public void Valid_options_create_a_client()
    {
        var client = new DkyClient(TestOptions.Valid());
        Assert.Equal(SessionState.Idle, client.State);
    }

    [Theory]
    [InlineData("ProjectId")]
    [InlineData("AgentNumber")]
    [InlineData("Token")]
    public void Missing_required_field_is_named(string field)
    {
        var o = TestOptions.Valid();
        typeof(DkyOptions).GetProperty(field)!.SetValue(o, "");
        var ex = Assert.Throws<DkyOptionsException>(() => new DkyClient(o));
        Assert.Contains(ex.Failures, f => f.StartsWith(field + ":", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://cc.example.com/agent", "must be an absolute ws:// or wss:// URL")]
    [InlineData("ws://cc.example.com/agent", "plain ws:// is allowed only for loopback")]
    public void Bad_url_is_named(string url, string reason)
    {
        var o = TestOptions.Valid();
        o.AgentWebSocketUrl = new Uri(url);
        var ex = Assert.Throws<DkyOptionsException>(() => new DkyClient(o));
        Assert.Contains(ex.Failures, f => f.StartsWith("AgentWebSocketUrl:", StringComparison.Ordinal) && f.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Plain_ws_to_a_remote_host_needs_an_explicit_opt_in()
    {
        var o = TestOptions.Valid();
        o.AgentWebSocketUrl = new Uri("ws://cc.example.com/agent");
        o.AllowInsecureWebSocket = true;
        _ = new DkyClient(o);
        o.AgentWebSocketUrl = new Uri("wss://cc.example.com/agent");
        o.AllowInsecureWebSocket = false;
        _ = new DkyClient(o);
    }

    [Fact]
    public void Hangup_music_must_be_https()
    {
        var o = TestOptions.Valid();
        o.HangupMusic = new Uri("http://example.com/bye.mp3");
        var ex = Assert.Throws<DkyOptionsException>(() => new DkyClient(o));
        Assert.Contains(ex.Failures, f => f.StartsWith("HangupMusic:", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_enum_values_are_named()
    {
        var o = TestOptions.Valid();
        o.InitType = (ExtensionType)7;
        o.InitialState = (AgentState)1;
        o.Mode = (InitMode)9;
        var ex = Assert.Throws<DkyOptionsException>(() => new DkyClient(o));
        Assert.Contains(ex.Failures, f => f.StartsWith("InitType: unknown initType 7", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("InitialState:", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Mode:", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_failure_is_listed_at_once_and_the_token_is_not_echoed()
    {
        var o = new DkyOptions { Token = "secret-token-value", AgentWebSocketUrl = new Uri("ftp://x") };
        var ex = Assert.Throws<DkyOptionsException>(() => new DkyClient(o));
        Assert.True(ex.Failures.Count >= 3);
        Assert.DoesNotContain("secret-token-value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WebRtc_mixin_needs_extension_credentials()
    {
        var o = TestOptions.Valid();
        o.InitType = ExtensionType.WebRtc;
        o.ExtensionPassword = null;
        var ex = Assert.Throws<DkyOptionsException>(() => new DkyClient(o));
        Assert.Contains(ex.Failures, f => f.Contains("WebRTC", StringComparison.Ordinal));
    }
}
