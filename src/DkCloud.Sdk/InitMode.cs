namespace DkCloud.Sdk;

/// <summary>How <see cref="DkyClient.InitAsync"/> starts a session (the JS SDK's <c>mode</c>).</summary>
public enum InitMode
{
    /// <summary><c>mixin</c>: log the agent in and register the extension in one call, then raise <c>dky:init</c>.</summary>
    Mixin = 0,

    /// <summary><c>single</c>: connect only; the app calls agent login and extension registration itself.</summary>
    Single = 1,
}
