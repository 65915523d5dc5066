using System;
using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Sip;

/// <summary>
/// SIP response codes with English reason phrases (RFC 3261 §21) and the Chinese meanings of the DK-Cloud
/// JS SDK 2.4.2 manual, section 7.5.7. Codes outside that table are described by their class
/// (RFC 3261 §8.1.3.2: an unknown code is treated as the x00 code of its class).
/// </summary>
public static class SipStatus
{
    private static readonly SipStatusInfo[] Table =
    [
        new(100, "Trying", "正在尝试处理请求"),
        new(180, "Ringing", "被叫方正在振铃"),
        new(181, "Call Is Being Forwarded", "呼叫正在被转接"),
        new(182, "Queued", "呼叫已排队"),
        new(183, "Session Progress", "会话正在进行中"),
        new(200, "OK", "请求成功"),
        new(202, "Accepted", "请求已被接受,但尚未处理"),
        new(300, "Multiple Choices", "有多个选择"),
        new(301, "Moved Permanently", "请求的资源已永久移动"),
        new(302, "Moved Temporarily", "请求的资源已临时移动"),
        new(305, "Use Proxy", "必须使用代理来访问请求的资源"),
        new(380, "Alternative Service", "提供了可用的替代服务"),
        new(400, "Bad Request", "请求无效,服务器无法理解请求"),
        new(401, "Unauthorized", "请求需要身份验证"),
        new(403, "Forbidden", "服务器拒绝请求"),
        new(404, "Not Found", "用户不存在"),
        new(405, "Method Not Allowed", "请求的方法不被允许"),
        new(406, "Not Acceptable", "请求的资源不满足客户端的条件"),
        new(408, "Request Timeout", "请求超时,服务器未收到请求"),
        new(410, "Gone", "用户不再可用"),
        new(413, "Request Entity Too Large", "请求实体太大"),
        new(414, "Request-URI Too Long", "请求 URI 太长"),
        new(415, "Unsupported Media Type", "不支持的媒体类型"),
        new(416, "Unsupported URI Scheme", "不支持的 URL 方案"),
        new(420, "Bad Extension", "扩展不可用"),
        new(421, "Extension Required", "需要特定扩展才能处理请求"),
        new(423, "Interval Too Brief", "间隔时间太短"),
        new(480, "Temporarily Unavailable", "用户临时不可达"),
        new(481, "Call/Transaction Does Not Exist", "呼叫/事务不存在"),
        new(482, "Loop Detected", "检测到循环"),
        new(483, "Too Many Hops", "跳数过多"),
        new(484, "Address Incomplete", "地址不完整"),
        new(485, "Ambiguous", "地址不明确"),
        new(486, "Busy Here", "用户忙"),
        new(487, "Request Terminated", "请求被终止"),
        new(488, "Not Acceptable Here", "此处不可接受"),
        new(491, "Request Pending", "请求挂起"),
        new(493, "Undecipherable", "消息体无法解密"),
        new(500, "Server Internal Error", "服务器内部错误"),
        new(501, "Not Implemented", "服务器不支持请求的方法"),
        new(502, "Bad Gateway", "网关错误"),
        new(503, "Service Unavailable", "服务不可用"),
        new(504, "Server Time-out", "服务器超时"),
        new(505, "Version Not Supported", "SIP 版本不支持"),
        new(513, "Message Too Large", "消息体过大"),
        new(600, "Busy Everywhere", "全部用户忙"),
        new(603, "Decline", "拒绝"),
        new(604, "Does Not Exist Anywhere", "用户不存在于任何地方"),
        new(606, "Not Acceptable", "不可接受"),
    ];

    private static readonly Dictionary<int, SipStatusInfo> ByCode = CreateIndex();

    /// <summary>Every code of the vendor table, in ascending order.</summary>
    public static IReadOnlyList<SipStatusInfo> Known => Table;

    /// <summary>Describes <paramref name="code"/>; for a code not in the table, a description of its class.</summary>
    /// <param name="code">A status code, 100-699.</param>
    /// <exception cref="ArgumentOutOfRangeException">The code is outside 100-699.</exception>
    public static SipStatusInfo Get(int code)
    {
        if (code < 100 || code > 699)
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "A SIP status code is 100-699.");
        }

        if (ByCode.TryGetValue(code, out SipStatusInfo? info))
        {
            return info;
        }

        var statusClass = (SipStatusClass)(code / 100);
        return new SipStatusInfo(code, ClassPhrase(statusClass), ClassMeaning(statusClass), isListed: false);
    }

    /// <summary>The class of a status code (its hundreds digit).</summary>
    public static SipStatusClass GetClass(int code)
        => code is >= 100 and <= 699 ? (SipStatusClass)(code / 100) : SipStatusClass.Unknown;

    private static string ClassPhrase(SipStatusClass statusClass) => statusClass switch
    {
        SipStatusClass.Provisional => "Provisional",
        SipStatusClass.Success => "Success",
        SipStatusClass.Redirection => "Redirection",
        SipStatusClass.ClientError => "Client Error",
        SipStatusClass.ServerError => "Server Error",
        _ => "Global Failure",
    };

    // The section headings of 7.5.7 in the vendor manual.
    private static string ClassMeaning(SipStatusClass statusClass) => statusClass switch
    {
        SipStatusClass.Provisional => "信息性响应",
        SipStatusClass.Success => "成功响应",
        SipStatusClass.Redirection => "重定向响应",
        SipStatusClass.ClientError => "请求错误",
        SipStatusClass.ServerError => "服务器错误",
        _ => "全局失败响应",
    };

    private static Dictionary<int, SipStatusInfo> CreateIndex()
    {
        var index = new Dictionary<int, SipStatusInfo>(Table.Length);
        foreach (SipStatusInfo info in Table)
        {
            index.Add(info.Code, info);
        }

        return index;
    }
}
