using System.Text;
using System.Text.Json;
using DkCloud.Sdk.Events;
using DkCloud.Sdk.Protocol;
using Xunit;

namespace DkCloud.Sdk.Tests.Support;

/// <summary>Runs server messages through the SDK's real decoding path.</summary>
internal static class Codec
{
    /// <summary>Decodes a whole server message (an envelope) into its event.</summary>
    public static DkyEventArgs DecodeEnvelope(string json, bool success = true)
    {
        var message = MessageDecoder.Decode(Encoding.UTF8.GetBytes(json), out var error);
        Assert.Null(error);
        var route = ProtocolMap.Find(message!.Type, success);
        Assert.NotNull(route);
        return route!.Decode(message);
    }

    /// <summary>Wraps a documented data payload in an envelope of <paramref name="type"/> and decodes it.</summary>
    public static DkyEventArgs DecodeData(string type, string dataJson, string code = "200")
    {
        var envelope = $"{{\"type\":\"{type}\",\"code\":\"{code}\",\"requestId\":\"abc\",\"data\":{dataJson}}}";
        return DecodeEnvelope(envelope, code == "200");
    }
}
