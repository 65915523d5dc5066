using System.Net;
using DkCloud.Sdk.WebRtc.Stun;

namespace DkCloud.Sdk.WebRtc.Turn;

/// <summary>The parts of a TURN response the client acts on, read once so nothing keeps the datagram.</summary>
internal sealed class TurnResponse
{
    private TurnResponse()
    {
    }

    /// <summary>True for a success response.</summary>
    public bool Success { get; private set; }

    /// <summary>The ERROR-CODE of an error response (0 when absent or on success).</summary>
    public int ErrorCode { get; private set; }

    /// <summary>The reason phrase of an error response.</summary>
    public string Reason { get; private set; } = string.Empty;

    /// <summary>REALM, when present.</summary>
    public string? Realm { get; private set; }

    /// <summary>NONCE, when present.</summary>
    public string? Nonce { get; private set; }

    /// <summary>XOR-RELAYED-ADDRESS, when present.</summary>
    public IPEndPoint? Relayed { get; private set; }

    /// <summary>XOR-MAPPED-ADDRESS, when present.</summary>
    public IPEndPoint? Mapped { get; private set; }

    /// <summary>LIFETIME in seconds, when present.</summary>
    public uint? Lifetime { get; private set; }

    /// <summary>True when MESSAGE-INTEGRITY is present and matches the key the request was signed with.</summary>
    public bool Authenticated { get; private set; }

    /// <summary>Reads a validated response; null when <paramref name="datagram"/> is not a well-formed STUN response.</summary>
    public static TurnResponse? Read(byte[] datagram, byte[]? key)
    {
        if (!StunMessage.TryParse(datagram, out StunMessage message, out _)
            || (message.Class != StunClass.SuccessResponse && message.Class != StunClass.ErrorResponse))
        {
            return null;
        }

        var response = new TurnResponse { Success = message.Class == StunClass.SuccessResponse };
        if (message.TryGetErrorCode(out int code, out string reason))
        {
            response.ErrorCode = code;
            response.Reason = reason;
        }

        if (message.TryGetString(StunAttributeType.Realm, out string realm))
        {
            response.Realm = realm;
        }

        if (message.TryGetString(StunAttributeType.Nonce, out string nonce))
        {
            response.Nonce = nonce;
        }

        if (message.TryGetAddress(StunAttributeType.XorRelayedAddress, out IPEndPoint? relayed))
        {
            response.Relayed = relayed;
        }

        if (message.TryGetAddress(StunAttributeType.XorMappedAddress, out IPEndPoint? mapped))
        {
            response.Mapped = mapped;
        }

        if (message.TryGetUInt32(StunAttributeType.Lifetime, out uint lifetime))
        {
            response.Lifetime = lifetime;
        }

        response.Authenticated = key is not null && message.VerifyMessageIntegrity(key);
        return response;
    }
}
