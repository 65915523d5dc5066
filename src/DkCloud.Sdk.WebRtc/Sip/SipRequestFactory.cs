using System;
using System.Globalization;
using System.Text;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>Builds the requests of a SIP-over-WebSocket user agent (RFC 3261 §8.1.1, RFC 7118, RFC 5626).</summary>
internal sealed class SipRequestFactory
{
    /// <summary>Methods this user agent accepts, for Allow.</summary>
    public const string AllowedMethods = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, NOTIFY";

    private readonly SipWebSocketIdentity _identity;
    private readonly string? _userAgent;
    private readonly bool _outbound;

    /// <summary>Creates a factory.</summary>
    /// <param name="identity">The Via and Contact host.</param>
    /// <param name="userAgent">The User-Agent value, or null for none.</param>
    /// <param name="outbound">True to put the RFC 5626 parameters (ob, +sip.instance, reg-id) in Contact and
    /// <c>Supported: outbound, path</c> in requests; false for registrars that bind to the connection by themselves.</param>
    public SipRequestFactory(SipWebSocketIdentity identity, string? userAgent = null, bool outbound = true)
    {
        _identity = identity ?? throw new ArgumentNullException(nameof(identity));
        _userAgent = userAgent;
        _outbound = outbound;
    }

    /// <summary>The Via and Contact identity.</summary>
    public SipWebSocketIdentity Identity => _identity;

    /// <summary>The Contact of requests and dialog-forming responses for <paramref name="user"/>.</summary>
    public SipContact CreateContact(string user) => _identity.CreateContact(user, _outbound);

    /// <summary>
    /// A request of <paramref name="method"/> with Via (new branch unless given), Max-Forwards 70, Route, To, From,
    /// Call-ID, CSeq and, for dialog-forming or target-refresh methods, Contact.
    /// </summary>
    public SipOutgoingMessage Create(SipMethod method, SipRequestContext context, string? contactUser = null, string? branch = null)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        string methodName = SipMethods.ToName(method);
        SipOutgoingMessage request = SipOutgoingMessage.CreateRequest(methodName, context.RequestUri.ToString())
            .Add(SipHeaderName.Via, _identity.CreateVia(branch).ToString())
            .Add(SipHeaderName.MaxForwards, "70");
        foreach (string route in context.Routes)
        {
            request.Add(SipHeaderName.Route, route);
        }

        request
            .Add(SipHeaderName.To, context.To.ToString())
            .Add(SipHeaderName.From, context.From.ToString())
            .Add(SipHeaderName.CallId, context.CallId)
            .Add(SipHeaderName.CSeq, context.CSeq.ToString(CultureInfo.InvariantCulture) + " " + methodName);
        if (contactUser is not null && method is SipMethod.Invite or SipMethod.Register or SipMethod.Update or SipMethod.Subscribe or SipMethod.Refer)
        {
            request.Add(SipHeaderName.Contact, CreateContact(contactUser).ToString());
        }

        if (method is SipMethod.Invite or SipMethod.Register or SipMethod.Update or SipMethod.Options)
        {
            request.Add(SipHeaderName.Allow, AllowedMethods);
            if (_outbound)
            {
                request.Add(SipHeaderName.Supported, "outbound, path");
            }
        }

        if (_userAgent is not null)
        {
            request.Add(SipHeaderName.UserAgent, _userAgent);
        }

        return request;
    }

    /// <summary>A REGISTER for <paramref name="addressOfRecord"/> (RFC 3261 §10.2); expires 0 removes the binding.</summary>
    public SipOutgoingMessage CreateRegister(SipUri registrar, SipUri addressOfRecord, string fromTag, string callId, uint cseq, int expires)
    {
        var from = new SipNameAddress(addressOfRecord).WithParameter("tag", fromTag);
        var context = new SipRequestContext(registrar, from, new SipNameAddress(addressOfRecord), callId, cseq);
        SipOutgoingMessage request = Create(SipMethod.Register, context, addressOfRecord.User ?? "anonymous");
        request.Add(SipHeaderName.Expires, expires.ToString(CultureInfo.InvariantCulture));
        return request;
    }

    /// <summary>An INVITE carrying an SDP offer.</summary>
    public SipOutgoingMessage CreateInvite(SipRequestContext context, string contactUser, string sdpOffer)
    {
        SipOutgoingMessage request = Create(SipMethod.Invite, context, contactUser);
        request.Add(SipHeaderName.ContentType, "application/sdp");
        request.Body = Encoding.UTF8.GetBytes(sdpOffer ?? throw new ArgumentNullException(nameof(sdpOffer)));
        return request;
    }

    /// <summary>
    /// The CANCEL of a pending request (RFC 3261 §9.1): same Request-URI, top Via (same branch), Route, From, To,
    /// Call-ID and CSeq number, with method CANCEL.
    /// </summary>
    public static SipOutgoingMessage CreateCancel(SipOutgoingMessage request)
        => CreateSameTransaction(request, "CANCEL", toOverride: null);

    /// <summary>The ACK of a non-2xx final response to an INVITE (RFC 3261 §17.1.1.3): To from the response.</summary>
    public static SipOutgoingMessage CreateAckForFailure(SipOutgoingMessage invite, SipMessage response)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        return CreateSameTransaction(invite, "ACK", response.GetHeaderValue(SipHeaderName.To));
    }

    private static SipOutgoingMessage CreateSameTransaction(SipOutgoingMessage request, string method, string? toOverride)
    {
        if (request is null || request.Method is null)
        {
            throw new ArgumentException("A request is required.", nameof(request));
        }

        SipOutgoingMessage result = SipOutgoingMessage.CreateRequest(method, request.RequestUri!)
            .Add(SipHeaderName.Via, request.Get(SipHeaderName.Via)!)
            .Add(SipHeaderName.MaxForwards, "70");
        foreach (var header in request.Headers)
        {
            if (SipHeaderNames.Lookup(header.Key) == SipHeaderName.Route)
            {
                result.Add(SipHeaderName.Route, header.Value);
            }
        }

        string cseq = request.Get(SipHeaderName.CSeq)!;
        string number = cseq.Substring(0, cseq.IndexOf(' '));
        return result
            .Add(SipHeaderName.To, toOverride ?? request.Get(SipHeaderName.To)!)
            .Add(SipHeaderName.From, request.Get(SipHeaderName.From)!)
            .Add(SipHeaderName.CallId, request.Get(SipHeaderName.CallId)!)
            .Add(SipHeaderName.CSeq, number + " " + method);
    }
}
