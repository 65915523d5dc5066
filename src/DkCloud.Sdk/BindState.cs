namespace DkCloud.Sdk;

/// <summary>Whether logging out keeps the agent's extension or phone bound (the JS SDK's <c>bindState</c>).</summary>
public enum BindState
{
    /// <summary><c>unbind</c> (the default): release the bound extension or phone number.</summary>
    Unbind = 0,

    /// <summary><c>bind</c>: keep the binding for the next login.</summary>
    Bind = 1,
}
