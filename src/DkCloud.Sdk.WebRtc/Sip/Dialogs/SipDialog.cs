using System;
using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Sip.Dialogs;

/// <summary>
/// The state of one dialog (RFC 3261 §12): Call-ID, local and remote tags and URIs, remote target, route set and
/// both CSeq counters. A dialog is made from a received 2xx (UAC, §12.1.2) or a sent 2xx (UAS, §12.1.1) and builds the
/// addressing of every in-dialog request (§12.2.1.1), loose or strict routing alike.
/// </summary>
/// <remarks>Not thread-safe: the user agent changes a dialog only under its own lock.</remarks>
internal sealed class SipDialog
{
    private readonly List<string> _routeSet;

    private SipDialog(string callId, SipNameAddress local, SipNameAddress remote, string remoteTarget, List<string> routeSet, uint localCSeq, uint? remoteCSeq, bool isUac)
    {
        CallId = callId;
        LocalAddress = local;
        RemoteAddress = remote;
        RemoteTarget = remoteTarget;
        _routeSet = routeSet;
        LocalCSeq = localCSeq;
        RemoteCSeq = remoteCSeq;
        IsUac = isUac;
    }

    /// <summary>The Call-ID.</summary>
    public string CallId { get; }

    /// <summary>Our address with our tag (From of our requests).</summary>
    public SipNameAddress LocalAddress { get; }

    /// <summary>The peer's address with its tag (To of our requests).</summary>
    public SipNameAddress RemoteAddress { get; }

    /// <summary>Our tag.</summary>
    public string LocalTag => LocalAddress.Tag ?? string.Empty;

    /// <summary>The peer's tag.</summary>
    public string RemoteTag => RemoteAddress.Tag ?? string.Empty;

    /// <summary>The peer's Contact URI, where in-dialog requests go.</summary>
    public string RemoteTarget { get; private set; }

    /// <summary>The route set, in the order of the Route headers of our requests.</summary>
    public IReadOnlyList<string> RouteSet => _routeSet;

    /// <summary>The CSeq number of our last request.</summary>
    public uint LocalCSeq { get; private set; }

    /// <summary>The CSeq number of the peer's last request; null before its first one.</summary>
    public uint? RemoteCSeq { get; private set; }

    /// <summary>True when we sent the INVITE.</summary>
    public bool IsUac { get; }

    /// <summary>The dialog of a UAC from the INVITE it sent and a 2xx (or 101-199 with a To tag) it received.</summary>
    /// <exception cref="SipException"><see cref="SipErrorCode.ProtocolError"/> when the response has no To tag or Contact.</exception>
    public static SipDialog CreateAsUac(SipMessage response, uint inviteCSeq)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        SipNameAddress to = response.To;
        if (to.Tag is null)
        {
            throw new SipException(SipErrorCode.ProtocolError, "The response that creates the dialog has no To tag.");
        }

        var routes = new List<string>();
        foreach (SipNameAddress recordRoute in response.RecordRoutes)
        {
            routes.Add(recordRoute.ToString());
        }

        routes.Reverse();
        return new SipDialog(response.CallId, response.From, to, RequireContact(response), routes, inviteCSeq, null, isUac: true);
    }

    /// <summary>The dialog of a UAS from the INVITE it received and the tag it puts in its 2xx.</summary>
    /// <exception cref="SipException"><see cref="SipErrorCode.ProtocolError"/> when the request has no Contact.</exception>
    public static SipDialog CreateAsUas(SipMessage request, string localTag, uint initialLocalCSeq = 0)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var routes = new List<string>();
        foreach (SipNameAddress recordRoute in request.RecordRoutes)
        {
            routes.Add(recordRoute.ToString());
        }

        SipNameAddress local = request.To.WithParameter("tag", localTag ?? throw new ArgumentNullException(nameof(localTag)));
        return new SipDialog(request.CallId, local, request.From, RequireContact(request), routes, initialLocalCSeq, request.CSeq.Number, isUac: false);
    }

    /// <summary>True when <paramref name="request"/> belongs to this dialog (Call-ID, To tag = ours, From tag = theirs).</summary>
    public bool MatchesRequest(SipMessage request)
        => request is not null
            && string.Equals(request.CallId, CallId, StringComparison.Ordinal)
            && string.Equals(request.To.Tag, LocalTag, StringComparison.Ordinal)
            && string.Equals(request.From.Tag, RemoteTag, StringComparison.Ordinal);

    /// <summary>True when <paramref name="response"/> belongs to this dialog (Call-ID, From tag = ours, To tag = theirs).</summary>
    public bool MatchesResponse(SipMessage response)
        => response is not null
            && string.Equals(response.CallId, CallId, StringComparison.Ordinal)
            && string.Equals(response.From.Tag, LocalTag, StringComparison.Ordinal)
            && string.Equals(response.To.Tag, RemoteTag, StringComparison.Ordinal);

    /// <summary>
    /// Checks and records the CSeq of an in-dialog request (§12.2.2): false when it is lower than or equal to the last
    /// one (answer 500). ACK and CANCEL carry the number of the request they belong to and are not checked.
    /// </summary>
    public bool AcceptRemoteCSeq(SipMessage request)
    {
        SipCSeq cseq = request.CSeq;
        if (cseq.Method is SipMethod.Ack or SipMethod.Cancel)
        {
            return true;
        }

        if (RemoteCSeq is uint last && cseq.Number <= last)
        {
            return false;
        }

        RemoteCSeq = cseq.Number;
        return true;
    }

    /// <summary>Takes a new remote target from a target-refresh request or response (re-INVITE, UPDATE, §12.2).</summary>
    public void RefreshRemoteTarget(SipMessage message)
    {
        if (message is not null && message.Contacts.Count > 0 && message.Contacts[0].Address is { } address)
        {
            RemoteTarget = address.UriText;
        }
    }

    /// <summary>The addressing of the next in-dialog request; the local CSeq goes up by one.</summary>
    public SipRequestContext CreateRequestContext()
    {
        LocalCSeq++;
        return CreateContext(LocalCSeq);
    }

    /// <summary>The addressing of the ACK for a 2xx: the CSeq number of the INVITE (§13.2.2.4).</summary>
    public SipRequestContext CreateAckContext(uint inviteCSeq) => CreateContext(inviteCSeq);

    private SipRequestContext CreateContext(uint cseq)
    {
        // Loose routing: Request-URI = remote target, Route = route set. Strict routing (first route without lr):
        // Request-URI = first route, Route = the rest plus the remote target (§12.2.1.1).
        string requestUri = RemoteTarget;
        var routes = new List<string>(_routeSet);
        if (routes.Count > 0 && !IsLooseRoute(routes[0]))
        {
            requestUri = UriOf(routes[0]);
            routes.RemoveAt(0);
            routes.Add("<" + RemoteTarget + ">");
        }

        var context = new SipRequestContext(SipUri.Parse(requestUri), LocalAddress, RemoteAddress, CallId, cseq);
        foreach (string route in routes)
        {
            context.Routes.Add(route);
        }

        return context;
    }

    private static bool IsLooseRoute(string route)
        => SipUri.TryParse(UriOf(route), out SipUri? uri) && uri!.HasParameter("lr");

    private static string UriOf(string route)
    {
        int start = route.IndexOf('<');
        int end = route.IndexOf('>');
        return start >= 0 && end > start ? route.Substring(start + 1, end - start - 1) : route;
    }

    private static string RequireContact(SipMessage message)
    {
        IReadOnlyList<SipContact> contacts = message.Contacts;
        if (contacts.Count == 0 || contacts[0].Address is null)
        {
            throw new SipException(SipErrorCode.ProtocolError, "A dialog-forming message has no Contact.");
        }

        return contacts[0].Address!.UriText;
    }
}
