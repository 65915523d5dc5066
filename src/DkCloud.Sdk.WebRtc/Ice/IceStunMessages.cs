using System;
using System.Net;
using System.Security.Cryptography;
using DkCloud.Sdk.WebRtc.Stun;

namespace DkCloud.Sdk.WebRtc.Ice;

/// <summary>Encodes the STUN messages of ICE connectivity checks (RFC 8445 sections 7.1.1 and 7.3.1).</summary>
internal static class IceStunMessages
{
    private const int BufferSize = 1024;

    /// <summary>A new random 96-bit transaction id.</summary>
    public static byte[] NewTransactionId()
    {
        var id = new byte[StunConstants.TransactionIdLength];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(id);
        }

        return id;
    }

    /// <summary>
    /// A Binding request: USERNAME (remote:local ufrag), PRIORITY, ICE-CONTROLLING or ICE-CONTROLLED with the
    /// tie-breaker, USE-CANDIDATE when nominating, MESSAGE-INTEGRITY with the peer's password, FINGERPRINT.
    /// </summary>
    public static byte[] Check(byte[] transactionId, string username, byte[] remoteKey, uint priority, IceRole role, ulong tieBreaker, bool useCandidate)
    {
        var buffer = new byte[BufferSize];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunClass.Request, transactionId);
        writer.AddString(StunAttributeType.Username, username);
        writer.AddUInt32(StunAttributeType.Priority, priority);
        writer.AddUInt64(role == IceRole.Controlling ? StunAttributeType.IceControlling : StunAttributeType.IceControlled, tieBreaker);
        if (useCandidate)
        {
            writer.AddFlag(StunAttributeType.UseCandidate);
        }

        writer.AddMessageIntegrity(remoteKey);
        writer.AddFingerprint();
        return writer.Written.ToArray();
    }

    /// <summary>A success response with XOR-MAPPED-ADDRESS, signed with this agent's password.</summary>
    public static byte[] Success(ReadOnlySpan<byte> transactionId, IPEndPoint mapped, byte[] localKey)
    {
        var buffer = new byte[BufferSize];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunClass.SuccessResponse, transactionId);
        writer.AddAddress(StunAttributeType.XorMappedAddress, mapped);
        writer.AddMessageIntegrity(localKey);
        writer.AddFingerprint();
        return writer.Written.ToArray();
    }

    /// <summary>An error response (487 Role Conflict), signed with this agent's password.</summary>
    public static byte[] Error(ReadOnlySpan<byte> transactionId, int code, string reason, byte[] localKey)
    {
        var buffer = new byte[BufferSize];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunClass.ErrorResponse, transactionId);
        writer.AddErrorCode(code, reason);
        writer.AddMessageIntegrity(localKey);
        writer.AddFingerprint();
        return writer.Written.ToArray();
    }
}
