using System.Collections.Generic;

namespace DkCloud.Sdk.Protocol;

/// <summary>The parameters of one command, in the order they are written. Null values are left out.</summary>
internal sealed class RequestData
{
    private readonly List<KeyValuePair<string, object>> _fields = new(4);

    public static RequestData Empty => new();

    public IReadOnlyList<KeyValuePair<string, object>> Fields => _fields;

    public RequestData Add(string name, string? value)
    {
        if (value is not null)
        {
            _fields.Add(new KeyValuePair<string, object>(name, value));
        }

        return this;
    }

    public RequestData Add(string name, int? value)
    {
        if (value is not null)
        {
            _fields.Add(new KeyValuePair<string, object>(name, value.Value));
        }

        return this;
    }

    public RequestData Add(string name, bool value)
    {
        _fields.Add(new KeyValuePair<string, object>(name, value));
        return this;
    }
}
