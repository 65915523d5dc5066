namespace DkCloud.Sdk;

/// <summary>The document's delay grades (7.2.5) for a measured round trip.</summary>
public enum LinkQuality
{
    /// <summary>[0, 40) ms: 优 (excellent).</summary>
    Excellent = 0,

    /// <summary>[40, 60) ms: 良好 (good).</summary>
    Good = 1,

    /// <summary>[60, 80) ms: 一般 (fair).</summary>
    Fair = 2,

    /// <summary>80 ms and more: 较差 (poor).</summary>
    Poor = 3,
}
