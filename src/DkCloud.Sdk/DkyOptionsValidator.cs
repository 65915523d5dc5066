using System;
using System.Collections.Generic;
using System.Net;
using Microsoft.Extensions.Options;

namespace DkCloud.Sdk;

/// <summary>Checks <see cref="DkyOptions"/> and names every bad field.</summary>
public sealed class DkyOptionsValidator : IValidateOptions<DkyOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DkyOptions options)
    {
        if (options is null)
        {
            return ValidateOptionsResult.Fail("options: null");
        }

        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="DkyOptionsException"/> listing every bad field, if any.</summary>
    public static void ThrowIfInvalid(DkyOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var failures = Check(options);
        if (failures.Count > 0)
        {
            throw new DkyOptionsException(failures);
        }
    }

    internal static List<string> Check(DkyOptions o)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(typeof(InitMode), o.Mode))
        {
            failures.Add($"{nameof(DkyOptions.Mode)}: unknown mode {(int)o.Mode}; use Mixin or Single.");
        }

        if (string.IsNullOrWhiteSpace(o.ProjectId))
        {
            failures.Add($"{nameof(DkyOptions.ProjectId)}: required (the enterprise code, projectId).");
        }

        if (string.IsNullOrWhiteSpace(o.AgentNumber))
        {
            failures.Add($"{nameof(DkyOptions.AgentNumber)}: required (the agent number, agentNumber).");
        }

        if (string.IsNullOrWhiteSpace(o.Token))
        {
            failures.Add($"{nameof(DkyOptions.Token)}: required (the enterprise token).");
        }

        if (!Enum.IsDefined(typeof(AgentIdType), o.AgentType))
        {
            failures.Add($"{nameof(DkyOptions.AgentType)}: unknown agentType {(int)o.AgentType}; use 0 (System) or 1 (CrmId).");
        }

        if (!Enum.IsDefined(typeof(ExtensionType), o.InitType))
        {
            failures.Add($"{nameof(DkyOptions.InitType)}: unknown initType {(int)o.InitType}; use 1 (IpPhone), 2 (WebRtc) or 3 (Mobile).");
        }

        if (!Enum.IsDefined(typeof(AgentState), o.InitialState))
        {
            failures.Add($"{nameof(DkyOptions.InitialState)}: unknown initialState {(int)o.InitialState}; use 2 (Idle) or 3 (Busy).");
        }

        CheckUrl(o, failures);

        if (o.HangupMusic is not null && (!o.HangupMusic.IsAbsoluteUri || o.HangupMusic.Scheme != "https"))
        {
            failures.Add($"{nameof(DkyOptions.HangupMusic)}: must be an absolute https URL (hanupMusic).");
        }

        if (o.InitType == ExtensionType.WebRtc && o.Mode == InitMode.Mixin &&
            (string.IsNullOrEmpty(o.ExtensionNumber) || string.IsNullOrEmpty(o.ExtensionPassword)))
        {
            failures.Add($"{nameof(DkyOptions.ExtensionNumber)}/{nameof(DkyOptions.ExtensionPassword)}: required to register a WebRTC extension.");
        }

        CheckPositive(o.RequestTimeout, nameof(DkyOptions.RequestTimeout), failures);
        CheckPositive(o.ConnectTimeout, nameof(DkyOptions.ConnectTimeout), failures);
        CheckPositive(o.HeartbeatInterval, nameof(DkyOptions.HeartbeatInterval), failures);
        CheckPositive(o.DisposeTimeout, nameof(DkyOptions.DisposeTimeout), failures);
        if (o.ExtensionGracePeriod < TimeSpan.Zero)
        {
            failures.Add($"{nameof(DkyOptions.ExtensionGracePeriod)}: must not be negative.");
        }

        if (o.MaxReconnectAttempts < 0)
        {
            failures.Add($"{nameof(DkyOptions.MaxReconnectAttempts)}: must not be negative.");
        }

        CheckPositive(o.ReconnectBaseDelay, nameof(DkyOptions.ReconnectBaseDelay), failures);
        if (o.ReconnectMaxDelay < o.ReconnectBaseDelay)
        {
            failures.Add($"{nameof(DkyOptions.ReconnectMaxDelay)}: must not be below {nameof(DkyOptions.ReconnectBaseDelay)}.");
        }

        if (o.MaxMessageBytes < 1024)
        {
            failures.Add($"{nameof(DkyOptions.MaxMessageBytes)}: must be at least 1024.");
        }

        if (o.TimeProvider is null)
        {
            failures.Add($"{nameof(DkyOptions.TimeProvider)}: required.");
        }

        return failures;
    }

    private static void CheckUrl(DkyOptions o, List<string> failures)
    {
        var url = o.AgentWebSocketUrl;
        if (url is null)
        {
            failures.Add($"{nameof(DkyOptions.AgentWebSocketUrl)}: required (agentWebscoketUrl).");
            return;
        }

        if (!url.IsAbsoluteUri || (url.Scheme != "ws" && url.Scheme != "wss"))
        {
            failures.Add($"{nameof(DkyOptions.AgentWebSocketUrl)}: must be an absolute ws:// or wss:// URL.");
            return;
        }

        if (url.Scheme == "ws" && !o.AllowInsecureWebSocket && !IsLoopback(url))
        {
            failures.Add($"{nameof(DkyOptions.AgentWebSocketUrl)}: plain ws:// is allowed only for loopback; use wss:// or set {nameof(DkyOptions.AllowInsecureWebSocket)}.");
        }
    }

    private static bool IsLoopback(Uri url)
    {
        if (url.IsLoopback)
        {
            return true;
        }

        return IPAddress.TryParse(url.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip);
    }

    private static void CheckPositive(TimeSpan value, string name, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{name}: must be positive.");
        }
    }
}
