using System;
using System.Collections.Generic;

namespace DkCloud.Sdk;

/// <summary>Thrown when <see cref="DkyOptions"/> are invalid; <see cref="Failures"/> names each bad field.</summary>
public sealed class DkyOptionsException : ArgumentException
{
    /// <summary>Creates the exception from the list of failures.</summary>
    public DkyOptionsException(IReadOnlyList<string> failures)
        : base("Invalid DkyOptions: " + string.Join(" ", failures))
    {
        Failures = failures;
    }

    /// <summary>One entry per bad field, each starting with the field's name.</summary>
    public IReadOnlyList<string> Failures { get; }
}
