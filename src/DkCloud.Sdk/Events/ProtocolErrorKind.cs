namespace DkCloud.Sdk.Events;

/// <summary>What was wrong with a server message.</summary>
public enum ProtocolErrorKind
{
    /// <summary>Not JSON, not UTF-8, or not an object.</summary>
    MalformedJson = 0,

    /// <summary>A <c>type</c> the SDK does not know; the message is still raised through <see cref="DkyClient.On"/> by its type.</summary>
    UnknownType = 1,

    /// <summary>A field had a type that could not be read (e.g. an object where a number belongs).</summary>
    InvalidField = 2,

    /// <summary>A binary frame; the protocol is text only.</summary>
    BinaryFrame = 3,

    /// <summary>Larger than <see cref="DkyOptions.MaxMessageBytes"/>.</summary>
    TooLarge = 4,

    /// <summary>An answer to a request that is not (or no longer) waiting.</summary>
    UnexpectedResponse = 5,
}
