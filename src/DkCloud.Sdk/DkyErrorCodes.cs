namespace DkCloud.Sdk;

/// <summary>
/// The server's result codes (the document's 7.3.1 table) and the SDK's own codes for failures that never
/// reached the server. Compare <see cref="DkyException.Code"/> with these.
/// </summary>
public static class DkyErrorCodes
{
    /// <summary>200: success.</summary>
    public const int Success = 200;

    /// <summary>400: a parameter is wrong (参数相关错误).</summary>
    public const int BadRequest = 400;

    /// <summary>403: no permission: not whitelisted, satisfaction not enabled, domestic/international only (无权限).</summary>
    public const int Forbidden = 403;

    /// <summary>10000: the called number is blacklisted (外呼号码为黑名单号码).</summary>
    public const int Blacklisted = 10000;

    /// <summary>26: the called number tripped risk control (外呼号码触发风控).</summary>
    public const int RiskControl = 26;

    /// <summary>500: system busy, call not ended, no call, monitoring or consultation failed (系统繁忙 …).</summary>
    public const int ServerBusy = 500;

    /// <summary>501: own SIM number not whitelisted (自备卡号未在白名单中).</summary>
    public const int SimNotWhitelisted = 501;

    /// <summary>502: queue or skill error (队列/技能相关错误).</summary>
    public const int QueueOrSkill = 502;

    /// <summary>503: duplicate data (数据重复).</summary>
    public const int Duplicate = 503;

    /// <summary>504: the data does not exist (该数据不存在).</summary>
    public const int NotFound = 504;

    /// <summary>20001: too many agents logged in (超出座席登陆并发数).</summary>
    public const int TooManyAgents = 20001;

    /// <summary>20002: no extension bound (分机未绑定).</summary>
    public const int ExtensionNotBound = 20002;

    /// <summary>20003: the extension does not exist (分机不存在).</summary>
    public const int ExtensionNotFound = 20003;

    /// <summary>20004: the extension is unavailable (分机不可用).</summary>
    public const int ExtensionUnavailable = 20004;

    /// <summary>20005: the number is in use by another agent (号码已被座席使用).</summary>
    public const int NumberInUse = 20005;

    /// <summary>20006: no such agent (未找到该座席编号).</summary>
    public const int AgentNotFound = 20006;

    /// <summary>20007: the agent is disabled (该座席未启用).</summary>
    public const int AgentDisabled = 20007;

    /// <summary>20008: the agent is not logged in (座席未登录).</summary>
    public const int AgentNotLoggedIn = 20008;

    /// <summary>20009: the extension is not registered (分机未注册).</summary>
    public const int ExtensionNotRegistered = 20009;

    /// <summary>20010: the agent is logged in elsewhere; <see cref="DkyClient.ContinueLoginAsync"/> takes over (assumed, see docs/protocol.md).</summary>
    public const int LoggedInElsewhere = 20010;

    /// <summary>-1: the SDK refused the request before sending it (invalid argument or state).</summary>
    public const int InvalidRequest = -1;

    /// <summary>-2: a WebRTC extension needs the softphone package (<see cref="DkyOptions.Softphone"/>).</summary>
    public const int SoftphoneRequired = -2;

    /// <summary>-3: the server's answer could not be understood.</summary>
    public const int ProtocolError = -3;

    /// <summary>-4: the WebRTC extension could not register at the SIP server (wrong password, server unreachable); the message names the SIP status.</summary>
    public const int SoftphoneRegistrationFailed = -4;

    /// <summary>Describes a code in English and Chinese, or returns null for an unknown code.</summary>
    public static string? Describe(int code) => code switch
    {
        Success => "Success (成功)",
        BadRequest => "Bad parameter (参数相关错误)",
        Forbidden => "No permission (无权限)",
        Blacklisted => "Number is blacklisted (外呼号码为黑名单号码)",
        RiskControl => "Number tripped risk control (外呼号码触发风控)",
        ServerBusy => "System busy or operation not possible now (系统繁忙)",
        SimNotWhitelisted => "Own SIM not whitelisted (自备卡号未在白名单中)",
        QueueOrSkill => "Queue or skill error (队列/技能相关错误)",
        Duplicate => "Duplicate data (数据重复)",
        NotFound => "Data does not exist (该数据不存在)",
        TooManyAgents => "Too many agents logged in (超出座席登陆并发数)",
        ExtensionNotBound => "Extension not bound (分机未绑定)",
        ExtensionNotFound => "Extension does not exist (分机不存在)",
        ExtensionUnavailable => "Extension unavailable (分机不可用)",
        NumberInUse => "Number in use by another agent (号码已被座席使用)",
        AgentNotFound => "Agent not found (未找到该座席编号)",
        AgentDisabled => "Agent disabled (该座席未启用)",
        AgentNotLoggedIn => "Agent not logged in (座席未登录)",
        ExtensionNotRegistered => "Extension not registered (分机未注册)",
        LoggedInElsewhere => "Agent logged in elsewhere (座席已在其他地方登录)",
        InvalidRequest => "Request refused by the SDK before sending",
        SoftphoneRequired => "A WebRTC extension needs the DkCloud.Sdk.WebRtc softphone",
        ProtocolError => "The server's answer could not be understood",
        SoftphoneRegistrationFailed => "The WebRTC extension could not register (SIP)",
        _ => null,
    };
}
