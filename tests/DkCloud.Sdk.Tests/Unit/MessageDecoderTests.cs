using System;
using System.Text;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Protocol;
using DkCloud.Sdk.Tests.Support;
using Xunit;

namespace DkCloud.Sdk.Tests.Unit;

/// <summary>Hostile and sloppy server input: each is refused with a kind, never with an exception.</summary>
public sealed class MessageDecoderTests
{
    [Theory]
    [InlineData("not json", ProtocolErrorKind.MalformedJson)]
    [InlineData("[1,2]", ProtocolErrorKind.MalformedJson)]
    [InlineData("{\"code\":\"200\"}", ProtocolErrorKind.InvalidField)]
    [InlineData("{\"type\":\"hold\",\"code\":\"abc\"}", ProtocolErrorKind.InvalidField)]
    [InlineData("{\"type\":\"hold\",\"code\":{}}", ProtocolErrorKind.InvalidField)]
    [InlineData("", ProtocolErrorKind.MalformedJson)]
    public void Bad_messages_are_refused_with_a_kind(string json, ProtocolErrorKind kind)
    {
        var message = MessageDecoder.Decode(Encoding.UTF8.GetBytes(json), out var error);
        Assert.Null(message);
        Assert.Equal(kind, error!.Kind);
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        var bytes = new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' };
        Assert.Null(MessageDecoder.Decode(bytes, out var error));
        Assert.Equal(ProtocolErrorKind.MalformedJson, error!.Kind);
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var json = "{\"type\":\"hold\",\"data\":" + new string('[', 200) + new string(']', 200) + "}";
        Assert.Null(MessageDecoder.Decode(Encoding.UTF8.GetBytes(json), out var error));
        Assert.Equal(ProtocolErrorKind.MalformedJson, error!.Kind);
    }

    [Fact]
    public void Numbers_and_strings_are_accepted_either_way()
    {
        var asNumber = (HangupEventArgs)Codec.DecodeEnvelope("{\"type\":\"HANGUP\",\"code\":200,\"data\":{\"linkedId\":123,\"wrapupTime\":\"30\",\"callType\":11,\"duration\":\"17\"}}");
        Assert.Equal("200", asNumber.Code);
        Assert.Equal("123", asNumber.LinkedId);
        Assert.Equal(30, asNumber.Data!.WrapupTime);
        Assert.Equal(17, asNumber.Data.Duration);
        Assert.Equal(Calls.CallType.Transfer, asNumber.Data.CallType);
    }

    [Fact]
    public void A_field_of_the_wrong_shape_fails_with_a_json_error_not_a_crash()
    {
        Assert.Throws<System.Text.Json.JsonException>(() => Codec.DecodeEnvelope("{\"type\":\"HANGUP\",\"code\":\"200\",\"data\":{\"wrapupTime\":{\"a\":1}}}"));
    }

    [Fact]
    public void Unknown_fields_are_kept_in_raw()
    {
        var e = (HoldEventArgs)Codec.DecodeData("hold", "{\"mode\":\"hold\",\"brandNew\":{\"x\":1}}");
        Assert.Equal("hold", e.Mode);
        Assert.Equal(1, e.Raw.GetProperty("brandNew").GetProperty("x").GetInt32());
    }
}
