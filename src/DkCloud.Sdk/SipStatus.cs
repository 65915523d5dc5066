using System.Collections.Generic;

namespace DkCloud.Sdk;

/// <summary>
/// A SIP response code with its reason phrase and its meaning in Chinese, as the document's 7.5.7 table gives
/// them. Call events carry such codes in <c>dialCode</c>.
/// </summary>
public sealed class SipStatus
{
    private static readonly Dictionary<int, SipStatus> Table = Build();

    private SipStatus(int code, string reasonPhrase, string meaningZh, string meaningEn)
    {
        Code = code;
        ReasonPhrase = reasonPhrase;
        MeaningZh = meaningZh;
        MeaningEn = meaningEn;
    }

    /// <summary>The code, 100–699.</summary>
    public int Code { get; }

    /// <summary>The reason phrase, e.g. <c>Busy Here</c>.</summary>
    public string ReasonPhrase { get; }

    /// <summary>The meaning in Chinese, from the document, e.g. <c>用户忙</c>.</summary>
    public string MeaningZh { get; }

    /// <summary>The meaning in English.</summary>
    public string MeaningEn { get; }

    /// <summary>Whether the code is in the document's table.</summary>
    public bool IsKnown => Table.ContainsKey(Code);

    /// <summary>Every code of the document's table, in order.</summary>
    public static IReadOnlyCollection<SipStatus> All => Table.Values;

    /// <summary>The status for a code; a code outside the table gets its class's generic meaning.</summary>
    public static SipStatus FromCode(int code)
    {
        if (Table.TryGetValue(code, out var known))
        {
            return known;
        }

        return (code / 100) switch
        {
            1 => new SipStatus(code, "Provisional", "信息性响应", "Provisional response"),
            2 => new SipStatus(code, "Success", "成功响应", "Success"),
            3 => new SipStatus(code, "Redirection", "重定向响应", "Redirection"),
            4 => new SipStatus(code, "Client Error", "请求错误", "Request failure"),
            5 => new SipStatus(code, "Server Error", "服务器错误", "Server failure"),
            6 => new SipStatus(code, "Global Failure", "全局失败响应", "Global failure"),
            _ => new SipStatus(code, "Unknown", "未知响应码", "Not a SIP response code"),
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"{Code} {ReasonPhrase} ({MeaningZh})";

    private static Dictionary<int, SipStatus> Build()
    {
        var t = new Dictionary<int, SipStatus>();
        void Add(int c, string phrase, string zh, string en) => t.Add(c, new SipStatus(c, phrase, zh, en));
        Add(100, "Trying", "正在尝试处理请求", "Trying to handle the request");
        Add(180, "Ringing", "被叫方正在振铃", "The callee is ringing");
        Add(181, "Call Is Being Forwarded", "呼叫正在被转接", "The call is being forwarded");
        Add(182, "Queued", "呼叫已排队", "The call is queued");
        Add(183, "Session Progress", "会话正在进行中", "Session in progress");
        Add(200, "OK", "请求成功", "Request succeeded");
        Add(202, "Accepted", "请求已被接受,但尚未处理", "Accepted, not yet processed");
        Add(300, "Multiple Choices", "有多个选择", "Several choices");
        Add(301, "Moved Permanently", "请求的资源已永久移动", "Moved permanently");
        Add(302, "Moved Temporarily", "请求的资源已临时移动", "Moved temporarily");
        Add(305, "Use Proxy", "必须使用代理来访问请求的资源", "A proxy must be used");
        Add(380, "Alternative Service", "提供了可用的替代服务", "An alternative service is offered");
        Add(400, "Bad Request", "请求无效,服务器无法理解请求", "The server could not understand the request");
        Add(401, "Unauthorized", "请求需要身份验证", "Authentication required");
        Add(403, "Forbidden", "服务器拒绝请求", "The server refused the request");
        Add(404, "Not Found", "用户不存在", "The user does not exist");
        Add(405, "Method Not Allowed", "请求的方法不被允许", "Method not allowed");
        Add(406, "Not Acceptable", "请求的资源不满足客户端的条件", "Not acceptable to the client");
        Add(408, "Request Timeout", "请求超时,服务器未收到请求", "Request timed out");
        Add(410, "Gone", "用户不再可用", "The user is no longer available");
        Add(413, "Request Entity Too Large", "请求实体太大", "Request body too large");
        Add(414, "Request-URI Too Long", "请求 URI 太长", "Request-URI too long");
        Add(415, "Unsupported Media Type", "不支持的媒体类型", "Unsupported media type");
        Add(416, "Unsupported URI Scheme", "不支持的 URL 方案", "Unsupported URI scheme");
        Add(420, "Bad Extension", "扩展不可用", "Bad extension");
        Add(421, "Extension Required", "需要特定扩展才能处理请求", "Extension required");
        Add(423, "Interval Too Brief", "间隔时间太短", "Interval too brief");
        Add(480, "Temporarily Unavailable", "用户临时不可达", "Temporarily unavailable");
        Add(481, "Call/Transaction Does Not Exist", "呼叫/事务不存在", "Call or transaction does not exist");
        Add(482, "Loop Detected", "检测到循环", "Loop detected");
        Add(483, "Too Many Hops", "跳数过多", "Too many hops");
        Add(484, "Address Incomplete", "地址不完整", "Address incomplete");
        Add(485, "Ambiguous", "地址不明确", "Ambiguous address");
        Add(486, "Busy Here", "用户忙", "Busy here");
        Add(487, "Request Terminated", "请求被终止", "Request terminated");
        Add(488, "Not Acceptable Here", "此处不可接受", "Not acceptable here");
        Add(491, "Request Pending", "请求挂起", "Request pending");
        Add(493, "Undecipherable", "消息体无法解密", "Undecipherable body");
        Add(500, "Server Internal Error", "服务器内部错误", "Server internal error");
        Add(501, "Not Implemented", "服务器不支持请求的方法", "Method not supported by the server");
        Add(502, "Bad Gateway", "网关错误", "Bad gateway");
        Add(503, "Service Unavailable", "服务不可用", "Service unavailable");
        Add(504, "Server Time-out", "服务器超时", "Server time-out");
        Add(505, "Version Not Supported", "SIP 版本不支持", "SIP version not supported");
        Add(513, "Message Too Large", "消息体过大", "Message too large");
        Add(600, "Busy Everywhere", "全部用户忙", "Busy everywhere");
        Add(603, "Decline", "拒绝", "Declined");
        Add(604, "Does Not Exist Anywhere", "用户不存在于任何地方", "Does not exist anywhere");
        Add(606, "Not Acceptable", "不可接受", "Not acceptable");
        return t;
    }
}
