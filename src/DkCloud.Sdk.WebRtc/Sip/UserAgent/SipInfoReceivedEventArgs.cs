using System;

namespace DkCloud.Sdk.WebRtc.Sip.UserAgent;

/// <summary>An INFO arrived in a call (RFC 6086).</summary>
internal sealed class SipInfoReceivedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public SipInfoReceivedEventArgs(string? contentType, string body, char? dtmfDigit, int? dtmfDurationMs)
    {
        ContentType = contentType;
        Body = body;
        DtmfDigit = dtmfDigit;
        DtmfDurationMs = dtmfDurationMs;
    }

    /// <summary>The Content-Type, e.g. <c>application/dtmf-relay</c>.</summary>
    public string? ContentType { get; }

    /// <summary>The body as UTF-8 text.</summary>
    public string Body { get; }

    /// <summary>The digit of an <c>application/dtmf-relay</c> body (0-9, *, #, A-D), else null.</summary>
    public char? DtmfDigit { get; }

    /// <summary>The Duration of a dtmf-relay body in milliseconds, when given.</summary>
    public int? DtmfDurationMs { get; }
}
