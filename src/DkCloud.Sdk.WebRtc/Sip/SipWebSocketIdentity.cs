using System;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>
/// What a browser-like SIP-over-WebSocket client puts in Via and Contact. A WebSocket client cannot receive
/// connections, so RFC 7118 §5.2 has it use a random <c>.invalid</c> host; RFC 5626 adds the instance ID and reg-id
/// that let the registrar route requests back over the same connection.
/// </summary>
internal sealed class SipWebSocketIdentity
{
    /// <summary>Creates an identity.</summary>
    /// <param name="instanceId">The stable instance UUID (RFC 5626 §4.1); keep it across restarts where possible.</param>
    /// <param name="host">The Via/Contact host; defaults to a random <c>xxxxxxxxxxxx.invalid</c>.</param>
    /// <param name="secure">True for WSS (Via transport WSS); the Contact keeps <c>transport=ws</c> as RFC 7118 §5.2 shows.</param>
    public SipWebSocketIdentity(Guid instanceId, string? host = null, bool secure = false)
    {
        InstanceId = instanceId;
        Host = host ?? SipRandom.CreateToken(12) + ".invalid";
        Secure = secure;
    }

    /// <summary>The instance UUID.</summary>
    public Guid InstanceId { get; }

    /// <summary>The host used in Via and Contact.</summary>
    public string Host { get; }

    /// <summary>True when the connection is WSS.</summary>
    public bool Secure { get; }

    /// <summary>The reg-id of the single outbound flow (RFC 5626 §4.2).</summary>
    public int RegId { get; } = 1;

    /// <summary>The <c>+sip.instance</c> value without quotes: <c>&lt;urn:uuid:…&gt;</c>.</summary>
    public string InstanceUrn => "<urn:uuid:" + InstanceId.ToString("D") + ">";

    /// <summary>A Via for a new client transaction: <c>SIP/2.0/WS host.invalid;branch=z9hG4bK…</c>.</summary>
    public SipVia CreateVia(string? branch = null)
    {
        var via = new SipVia(Secure ? "WSS" : "WS", Host);
        via.Parameters.Add(new SipParameter("branch", branch ?? SipRandom.CreateBranch()));
        return via;
    }

    /// <summary>
    /// The Contact for <paramref name="user"/>: <c>&lt;sip:user@host.invalid;transport=ws;ob&gt;;+sip.instance="&lt;urn:uuid:…&gt;";reg-id=1</c>.
    /// </summary>
    /// <param name="user">The user part (the extension).</param>
    /// <param name="outbound">True to add <c>ob</c>, <c>+sip.instance</c> and <c>reg-id</c> (REGISTER and dialog requests over an outbound flow).</param>
    public SipContact CreateContact(string user, bool outbound = true)
    {
        var uri = new SipUri("sip", user, Host);
        uri.Parameters.Add(new SipParameter("transport", "ws"));
        if (outbound)
        {
            uri.Parameters.Add(new SipParameter("ob", null));
        }

        var address = new SipNameAddress(uri);
        if (outbound)
        {
            address.Parameters.Add(new SipParameter("+sip.instance", InstanceUrn, quoted: true));
            address.Parameters.Add(new SipParameter("reg-id", RegId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new SipContact(address);
    }
}
