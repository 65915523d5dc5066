namespace DkCloud.Sdk;

/// <summary>Placeholder.</summary>
public sealed class DkyClient { }
