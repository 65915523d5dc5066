namespace DkCloud.Sdk;

/// <summary>Creates <see cref="DkyClient"/>s from named options registered with <c>AddDkCloud</c>.</summary>
public interface IDkyClientFactory
{
    /// <summary>Creates a client from the options registered under <paramref name="name"/> (empty: the default).</summary>
    DkyClient Create(string name = "");

    /// <summary>Creates a client from explicit options (e.g. one per agent of a CRM back end), logging like the others.</summary>
    DkyClient Create(DkyOptions options);
}
