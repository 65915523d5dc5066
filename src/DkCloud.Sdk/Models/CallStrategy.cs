namespace DkCloud.Sdk.Models;

/// <summary>How the platform picks the caller-ID from a trunk or number group (<c>callStrategy</c>).</summary>
public enum CallStrategy
{
    /// <summary>1: a local number for a local callee (本地打本地, the default).</summary>
    LocalToLocal = 1,

    /// <summary>2: fall back to a number of the provincial capital (省会托底).</summary>
    ProvincialCapitalFallback = 2,

    /// <summary>3: any matching number (随机).</summary>
    Random = 3,
}
