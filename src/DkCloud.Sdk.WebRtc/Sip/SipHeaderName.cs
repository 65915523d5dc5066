namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>Header fields known to the parser; compact forms (RFC 3261 §7.3.3 and the IANA registry) map to the same value.</summary>
internal enum SipHeaderName
{
    /// <summary>An extension header; compare its name text.</summary>
    Unknown = 0,
    /// <summary><c>Accept</c>.</summary>
    Accept,
    /// <summary><c>Accept-Contact</c> (compact form <c>a</c>).</summary>
    AcceptContact,
    /// <summary><c>Accept-Encoding</c>.</summary>
    AcceptEncoding,
    /// <summary><c>Accept-Language</c>.</summary>
    AcceptLanguage,
    /// <summary><c>Alert-Info</c>.</summary>
    AlertInfo,
    /// <summary><c>Allow</c>.</summary>
    Allow,
    /// <summary><c>Allow-Events</c> (compact form <c>u</c>).</summary>
    AllowEvents,
    /// <summary><c>Authentication-Info</c>.</summary>
    AuthenticationInfo,
    /// <summary><c>Authorization</c>.</summary>
    Authorization,
    /// <summary><c>Call-ID</c> (compact form <c>i</c>).</summary>
    CallId,
    /// <summary><c>Call-Info</c>.</summary>
    CallInfo,
    /// <summary><c>Contact</c> (compact form <c>m</c>).</summary>
    Contact,
    /// <summary><c>Content-Disposition</c>.</summary>
    ContentDisposition,
    /// <summary><c>Content-Encoding</c> (compact form <c>e</c>).</summary>
    ContentEncoding,
    /// <summary><c>Content-Language</c>.</summary>
    ContentLanguage,
    /// <summary><c>Content-Length</c> (compact form <c>l</c>).</summary>
    ContentLength,
    /// <summary><c>Content-Type</c> (compact form <c>c</c>).</summary>
    ContentType,
    /// <summary><c>CSeq</c>.</summary>
    CSeq,
    /// <summary><c>Date</c>.</summary>
    Date,
    /// <summary><c>Error-Info</c>.</summary>
    ErrorInfo,
    /// <summary><c>Event</c> (compact form <c>o</c>).</summary>
    Event,
    /// <summary><c>Expires</c>.</summary>
    Expires,
    /// <summary><c>From</c> (compact form <c>f</c>).</summary>
    From,
    /// <summary><c>Identity</c> (compact form <c>y</c>).</summary>
    Identity,
    /// <summary><c>Identity-Info</c> (compact form <c>n</c>).</summary>
    IdentityInfo,
    /// <summary><c>In-Reply-To</c>.</summary>
    InReplyTo,
    /// <summary><c>Max-Forwards</c>.</summary>
    MaxForwards,
    /// <summary><c>MIME-Version</c>.</summary>
    MimeVersion,
    /// <summary><c>Min-Expires</c>.</summary>
    MinExpires,
    /// <summary><c>Min-SE</c>.</summary>
    MinSE,
    /// <summary><c>Organization</c>.</summary>
    Organization,
    /// <summary><c>P-Asserted-Identity</c>.</summary>
    PAssertedIdentity,
    /// <summary><c>P-Preferred-Identity</c>.</summary>
    PPreferredIdentity,
    /// <summary><c>Path</c>.</summary>
    Path,
    /// <summary><c>Priority</c>.</summary>
    Priority,
    /// <summary><c>Proxy-Authenticate</c>.</summary>
    ProxyAuthenticate,
    /// <summary><c>Proxy-Authorization</c>.</summary>
    ProxyAuthorization,
    /// <summary><c>Proxy-Require</c>.</summary>
    ProxyRequire,
    /// <summary><c>RAck</c>.</summary>
    RAck,
    /// <summary><c>Reason</c>.</summary>
    Reason,
    /// <summary><c>Record-Route</c>.</summary>
    RecordRoute,
    /// <summary><c>Refer-To</c> (compact form <c>r</c>).</summary>
    ReferTo,
    /// <summary><c>Referred-By</c> (compact form <c>b</c>).</summary>
    ReferredBy,
    /// <summary><c>Reject-Contact</c> (compact form <c>j</c>).</summary>
    RejectContact,
    /// <summary><c>Replaces</c>.</summary>
    Replaces,
    /// <summary><c>Reply-To</c>.</summary>
    ReplyTo,
    /// <summary><c>Request-Disposition</c> (compact form <c>d</c>).</summary>
    RequestDisposition,
    /// <summary><c>Require</c>.</summary>
    Require,
    /// <summary><c>Retry-After</c>.</summary>
    RetryAfter,
    /// <summary><c>Route</c>.</summary>
    Route,
    /// <summary><c>RSeq</c>.</summary>
    RSeq,
    /// <summary><c>Server</c>.</summary>
    Server,
    /// <summary><c>Service-Route</c>.</summary>
    ServiceRoute,
    /// <summary><c>Session-Expires</c> (compact form <c>x</c>).</summary>
    SessionExpires,
    /// <summary><c>Subject</c> (compact form <c>s</c>).</summary>
    Subject,
    /// <summary><c>Subscription-State</c>.</summary>
    SubscriptionState,
    /// <summary><c>Supported</c> (compact form <c>k</c>).</summary>
    Supported,
    /// <summary><c>Timestamp</c>.</summary>
    Timestamp,
    /// <summary><c>To</c> (compact form <c>t</c>).</summary>
    To,
    /// <summary><c>Unsupported</c>.</summary>
    Unsupported,
    /// <summary><c>User-Agent</c>.</summary>
    UserAgent,
    /// <summary><c>Via</c> (compact form <c>v</c>).</summary>
    Via,
    /// <summary><c>Warning</c>.</summary>
    Warning,
    /// <summary><c>WWW-Authenticate</c>.</summary>
    WwwAuthenticate,
}
