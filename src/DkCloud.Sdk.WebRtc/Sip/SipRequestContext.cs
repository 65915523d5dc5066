using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>The addressing of a request: outside a dialog from configuration, inside one from the dialog state.</summary>
internal sealed class SipRequestContext
{
    /// <summary>Creates a context.</summary>
    public SipRequestContext(SipUri requestUri, SipNameAddress from, SipNameAddress to, string callId, uint cseq)
    {
        RequestUri = requestUri;
        From = from;
        To = to;
        CallId = callId;
        CSeq = cseq;
    }

    /// <summary>The Request-URI (remote target inside a dialog).</summary>
    public SipUri RequestUri { get; }

    /// <summary>The From value, with the local tag.</summary>
    public SipNameAddress From { get; }

    /// <summary>The To value (with the remote tag inside a dialog).</summary>
    public SipNameAddress To { get; }

    /// <summary>The Call-ID.</summary>
    public string CallId { get; }

    /// <summary>The CSeq number.</summary>
    public uint CSeq { get; }

    /// <summary>The route set, in order (RFC 3261 §12.2.1.1).</summary>
    public IList<string> Routes { get; } = new List<string>();
}
