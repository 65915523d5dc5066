using System;
using System.Threading.Tasks;
using DkCloud.Sdk.Models;
using DkCloud.Sdk.Tests.Support;
using Xunit;

namespace DkCloud.Sdk.Tests.Unit;

/// <summary>Requests the server would refuse are refused before anything is sent (the client here is not even connected).</summary>
public sealed class RequestValidationTests
{
    private readonly DkyClient _client = new(TestOptions.Valid());

    [Fact]
    public async Task Two_caller_id_choices_are_refused()
    {
        var ex = await Assert.ThrowsAsync<DkyException>(() => _client.CallPhoneAsync(new CallPhoneRequest("18212345678") { MobileTelx = "13800000000", FixedTelx = "01012345678" }));
        Assert.Equal(DkyErrorCodes.InvalidRequest, ex.Code);
        Assert.Contains("exclusive", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1821234abc")]
    [InlineData("18+212345678")]
    public async Task Bad_called_numbers_are_refused(string number)
    {
        var ex = await Assert.ThrowsAsync<DkyException>(() => _client.CallPhoneAsync(new CallPhoneRequest(number)));
        Assert.Equal(DkyErrorCodes.InvalidRequest, ex.Code);
        Assert.Contains("callednum", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Userfield_is_limited_to_255_plain_characters()
    {
        await Assert.ThrowsAsync<DkyException>(() => _client.CallPhoneAsync(new CallPhoneRequest("18212345678") { UserField = new string('a', 256) }));
        await Assert.ThrowsAsync<DkyException>(() => _client.CallPhoneAsync(new CallPhoneRequest("18212345678") { UserField = "a<b>" }));
    }

    [Fact]
    public async Task A_valid_call_passes_validation_and_then_needs_a_session()
    {
        var ex = await Assert.ThrowsAsync<DkyConnectionException>(() => _client.CallPhoneAsync(new CallPhoneRequest("+8618212345678") { TrunkNumberGroupId = "7", CallStrategy = CallStrategy.Random, UserField = "YWJj" }));
        Assert.Equal(ConnectionFailureKind.NotConnected, ex.Kind);
    }

    [Theory]
    [InlineData("12a")]
    [InlineData("")]
    [InlineData("1 2")]
    [InlineData("A")]
    public async Task Dtmf_digits_are_checked(string digits)
    {
        var ex = await Assert.ThrowsAsync<DkyException>(() => _client.SendDtmfAsync(digits));
        Assert.Equal(DkyErrorCodes.InvalidRequest, ex.Code);
    }

    [Fact]
    public async Task Transfer_and_chanspy_modes_are_checked()
    {
        await Assert.ThrowsAsync<DkyException>(() => _client.ConsultAsync(new TransferTarget((TransferMode)5, "1002")));
        await Assert.ThrowsAsync<DkyException>(() => _client.ConsultAsync(TransferTarget.External("not-a-number")));
        await Assert.ThrowsAsync<DkyException>(() => _client.BlindTransferAsync(new BlindTransferRequest((BlindTransferMode)4, "1002")));
        await Assert.ThrowsAsync<DkyException>(() => _client.BlindTransferAsync(new BlindTransferRequest(BlindTransferMode.Agent, "1002") { IvrNodeId = "3", IvrNodeType = "menu" }));
        await Assert.ThrowsAsync<DkyException>(() => _client.BlindTransferAsync(new BlindTransferRequest(BlindTransferMode.Ivr, "9") { IvrNodeId = "3" }));
        await Assert.ThrowsAsync<DkyException>(() => _client.ChanspyAsync(new ChanspyRequest((ChanspyMode)4, "1001", "9001")));
        await Assert.ThrowsAsync<DkyException>(() => _client.ChanspyAsync(new ChanspyRequest(ChanspyMode.Listen, "1001", "9001") { Point = (MonitorPoint)2 }));
        await Assert.ThrowsAsync<DkyException>(() => _client.MeetHangupAsync((MeetHangupType)3));
        await Assert.ThrowsAsync<DkyException>(() => _client.SetAgentStateAsync(AgentState.Idle, "meeting"));
    }

    [Fact]
    public void Answer_prompt_must_be_https()
    {
        Assert.Throws<DkyException>(() => _client.SetCallAnswerPrompt(new Uri("http://example.com/toot.mp3")));
        _client.SetCallAnswerPrompt(new Uri("https://example.com/toot.mp3"));
        Assert.Equal("https://example.com/toot.mp3", _client.CallAnswerPrompt!.AbsoluteUri);
        _client.SetCallAnswerPrompt(null);
        Assert.Null(_client.CallAnswerPrompt);
    }
}
