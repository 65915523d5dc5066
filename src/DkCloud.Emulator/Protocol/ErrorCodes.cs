namespace DkCloud.Emulator.Protocol;

/// <summary>The <c>code</c> values of the document's 7.3.1 table, plus 20010.</summary>
internal static class ErrorCodes
{
    public const string Success = "200";
    public const string BadRequest = "400";
    public const string Forbidden = "403";
    public const string Blacklisted = "10000";
    public const string RiskControl = "26";
    public const string SystemError = "500";
    public const string ExtensionNotBound = "20002";
    public const string ExtensionNotFound = "20003";
    public const string ExtensionUnavailable = "20004";
    public const string NumberInUse = "20005";
    public const string AgentNotFound = "20006";
    public const string AgentNotLoggedIn = "20008";
    public const string ExtensionNotRegistered = "20009";
    public const string LoggedInElsewhere = "20010";

    public const string NoCall = "当前无通话";
    public const string CallInProgress = "当前通话未结束";
    public const string NoPermission = "无权限,请联系管理员";
    public const string NotLoggedIn = "座席未登录";
}
