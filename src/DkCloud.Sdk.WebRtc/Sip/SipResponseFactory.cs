using System;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>Builds responses to a received request (RFC 3261 §8.2.6).</summary>
internal static class SipResponseFactory
{
    /// <summary>
    /// A response that copies every Via (in order), From, To, Call-ID and CSeq from <paramref name="request"/>. The To
    /// tag is added when the request had none, except on 100 Trying (§8.2.6.2). Dialog-forming responses (101-299 to
    /// INVITE) also copy Record-Route (§12.1.1).
    /// </summary>
    public static SipOutgoingMessage Create(SipMessage request, int statusCode, string? reasonPhrase = null, string? toTag = null)
    {
        if (request is null || !request.IsRequest)
        {
            throw new ArgumentException("A request is required.", nameof(request));
        }

        SipOutgoingMessage response = SipOutgoingMessage.CreateResponse(statusCode, reasonPhrase);
        foreach (string via in request.GetHeaderValues(SipHeaderName.Via))
        {
            response.Add(SipHeaderName.Via, via);
        }

        if (request.Method == SipMethod.Invite && statusCode > 100 && statusCode < 300)
        {
            foreach (string recordRoute in request.GetHeaderValues(SipHeaderName.RecordRoute))
            {
                response.Add(SipHeaderName.RecordRoute, recordRoute);
            }
        }

        SipNameAddress to = request.To;
        string toValue = request.GetHeaderValue(SipHeaderName.To)!;
        if (to.Tag is null && statusCode != 100)
        {
            toValue += ";tag=" + (toTag ?? SipRandom.CreateTag());
        }

        return response
            .Add(SipHeaderName.From, request.GetHeaderValue(SipHeaderName.From)!)
            .Add(SipHeaderName.To, toValue)
            .Add(SipHeaderName.CallId, request.CallId)
            .Add(SipHeaderName.CSeq, request.GetHeaderValue(SipHeaderName.CSeq)!);
    }
}
