using System;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>
/// The key that matches a message to a transaction (RFC 3261 §17.1.3 and §17.2.3): the top Via branch, the
/// sent-by for server transactions, and the method, with ACK matching its INVITE.
/// </summary>
internal readonly struct SipTransactionKey : IEquatable<SipTransactionKey>
{
    private SipTransactionKey(string branch, string sentBy, string method)
    {
        Branch = branch;
        SentBy = sentBy;
        Method = method;
    }

    /// <summary>The branch, compared case-sensitively.</summary>
    public string Branch { get; }

    /// <summary>host[:port] of the top Via for server keys; empty for client keys.</summary>
    public string SentBy { get; }

    /// <summary>The method (INVITE for ACK).</summary>
    public string Method { get; }

    /// <summary>The client transaction a response belongs to: top Via branch and CSeq method.</summary>
    public static SipTransactionKey ForResponse(SipMessage response)
    {
        SipVia top = (response ?? throw new ArgumentNullException(nameof(response))).Vias[0];
        return new SipTransactionKey(top.Branch ?? string.Empty, string.Empty, response.CSeq.MethodName);
    }

    /// <summary>The client transaction of a request we send.</summary>
    public static SipTransactionKey ForOutgoingRequest(SipOutgoingMessage request)
        => new(SipClientInviteTransaction.BranchOf(request), string.Empty, request.Method ?? throw new ArgumentException("A request is required.", nameof(request)));

    /// <summary>The server transaction a request belongs to; an ACK maps to its INVITE transaction.</summary>
    public static SipTransactionKey ForRequest(SipMessage request)
    {
        SipVia top = (request ?? throw new ArgumentNullException(nameof(request))).Vias[0];
        string sentBy = top.Port is int port ? top.Host + ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) : top.Host;
        string method = request.Method == SipMethod.Ack ? "INVITE" : request.MethodName!;
        return new SipTransactionKey(top.Branch ?? string.Empty, sentBy.ToLowerInvariant(), method);
    }

    /// <inheritdoc/>
    public bool Equals(SipTransactionKey other)
        => string.Equals(Branch, other.Branch, StringComparison.Ordinal)
            && string.Equals(SentBy, other.SentBy, StringComparison.Ordinal)
            && string.Equals(Method, other.Method, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SipTransactionKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
        => ((StringComparer.Ordinal.GetHashCode(Branch ?? string.Empty) * 31) + StringComparer.Ordinal.GetHashCode(SentBy ?? string.Empty)) * 31
            + StringComparer.Ordinal.GetHashCode(Method ?? string.Empty);

    /// <inheritdoc/>
    public override string ToString() => Branch + "|" + SentBy + "|" + Method;
}
