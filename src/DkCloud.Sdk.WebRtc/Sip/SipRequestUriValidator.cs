using System;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>Checks the Request-URI of a request line (RFC 3261 §19.1.1, §25.1).</summary>
internal static class SipRequestUriValidator
{
    /// <summary>Throws <see cref="SipRejectReason.InvalidRequestUri"/> unless <paramref name="uri"/> is an absolute URI
    /// without angle brackets, and, for sip/sips, without a header part.</summary>
    public static void Validate(ReadOnlySpan<byte> uri)
    {
        if (uri.IsEmpty || !SipSyntax.IsAlpha(uri[0]))
        {
            // Also catches "<sip:...>" (RFC 4475 §3.1.2.7).
            SipThrowHelper.Throw(SipRejectReason.InvalidRequestUri);
        }

        int colon = -1;
        for (int i = 0; i < uri.Length; i++)
        {
            byte b = uri[i];
            if (b <= 0x20 || b >= 0x7F || b == (byte)'<' || b == (byte)'>' || b == (byte)'"')
            {
                SipThrowHelper.Throw(SipRejectReason.InvalidRequestUri);
            }

            if (colon < 0)
            {
                if (b == (byte)':')
                {
                    colon = i;
                }
                else if (!SipSyntax.IsAlpha(b) && !SipSyntax.IsDigit(b) && b != (byte)'+' && b != (byte)'-' && b != (byte)'.')
                {
                    SipThrowHelper.Throw(SipRejectReason.InvalidRequestUri);
                }
            }
        }

        if (colon <= 0 || colon == uri.Length - 1)
        {
            SipThrowHelper.Throw(SipRejectReason.InvalidRequestUri);
        }

        ReadOnlySpan<byte> scheme = uri.Slice(0, colon);
        if (SipSyntax.EqualsIgnoreCase(scheme, "sip") || SipSyntax.EqualsIgnoreCase(scheme, "sips"))
        {
            // Headers are not allowed in a Request-URI (RFC 3261 §19.1.1 table; RFC 4475 §3.1.2.11). The user part
            // may hold '?' (RFC 4475 §3.1.1.2), so look only past the '@'.
            ReadOnlySpan<byte> rest = uri.Slice(colon + 1);
            int at = rest.IndexOf((byte)'@');
            ReadOnlySpan<byte> hostPart = at >= 0 ? rest.Slice(at + 1) : rest;
            if (hostPart.IsEmpty || hostPart.IndexOf((byte)'?') >= 0)
            {
                SipThrowHelper.Throw(SipRejectReason.InvalidRequestUri);
            }
        }
    }
}
