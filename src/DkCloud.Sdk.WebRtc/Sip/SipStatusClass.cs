namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>The class of a SIP status code: its hundreds digit (RFC 3261 §21).</summary>
public enum SipStatusClass
{
    /// <summary>Not a SIP status code.</summary>
    Unknown = 0,
    /// <summary>1xx: provisional (信息性响应).</summary>
    Provisional = 1,
    /// <summary>2xx: success (成功响应).</summary>
    Success = 2,
    /// <summary>3xx: redirection (重定向响应).</summary>
    Redirection = 3,
    /// <summary>4xx: client error (请求错误).</summary>
    ClientError = 4,
    /// <summary>5xx: server error (服务器错误).</summary>
    ServerError = 5,
    /// <summary>6xx: global failure (全局失败响应).</summary>
    GlobalFailure = 6,
}
