using System;
using System.Collections.Generic;

namespace DkCloud.Sdk.WebRtc.Sdp;

/// <summary>Ordered <c>a=</c> lines with name lookups (names compare case-sensitively, as RFC 8866 §5.13 says).</summary>
internal sealed class SdpAttributeList : List<SdpAttribute>
{
    /// <summary>The value of the first attribute with this name (empty string for a property attribute), or null.</summary>
    public string? Get(string name)
    {
        foreach (SdpAttribute attribute in this)
        {
            if (string.Equals(attribute.Name, name, StringComparison.Ordinal))
            {
                return attribute.Value ?? string.Empty;
            }
        }

        return null;
    }

    /// <summary>Values of every attribute with this name, in order.</summary>
    public List<string> GetAll(string name)
    {
        var values = new List<string>();
        foreach (SdpAttribute attribute in this)
        {
            if (string.Equals(attribute.Name, name, StringComparison.Ordinal))
            {
                values.Add(attribute.Value ?? string.Empty);
            }
        }

        return values;
    }

    /// <summary>True when an attribute with this name is present.</summary>
    public bool Has(string name) => Get(name) is not null;

    /// <summary>Appends an attribute.</summary>
    public void Add(string name, string? value = null) => Add(new SdpAttribute(name, value));

    /// <summary>Removes every attribute with this name, then appends one.</summary>
    public void Set(string name, string? value = null)
    {
        RemoveAll(a => string.Equals(a.Name, name, StringComparison.Ordinal));
        Add(name, value);
    }
}
