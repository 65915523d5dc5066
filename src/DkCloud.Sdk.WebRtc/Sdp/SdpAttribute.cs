namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary>An <c>a=name[:value]</c> line.</summary>
internal sealed class SdpAttribute
{
    /// <summary>Creates an attribute; a null value makes a property attribute such as <c>a=rtcp-mux</c>.</summary>
    public SdpAttribute(string name, string? value = null)
    {
        Name = name;
        Value = value;
    }

    /// <summary>The attribute name.</summary>
    public string Name { get; }

    /// <summary>The value after the colon, or null.</summary>
    public string? Value { get; }

    /// <inheritdoc/>
    public override string ToString() => Value is null ? Name : Name + ":" + Value;
}
