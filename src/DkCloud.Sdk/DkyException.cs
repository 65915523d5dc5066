using System;

namespace DkCloud.Sdk;

/// <summary>
/// A command failed: the server answered with a code other than 200, or the SDK refused the request before
/// sending it. <see cref="Code"/> is one of <see cref="DkyErrorCodes"/> or the server's own.
/// </summary>
public class DkyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DkyException(int code, string message, string? command = null, Exception? innerException = null)
        : base(Format(code, message, command), innerException)
    {
        Code = code;
        ServerMessage = message;
        Command = command;
    }

    /// <summary>The result code (see <see cref="DkyErrorCodes"/>).</summary>
    public int Code { get; }

    /// <summary>The server's <c>message</c> (or the SDK's reason) as given, often in Chinese.</summary>
    public string ServerMessage { get; }

    /// <summary>The protocol command that failed (e.g. <c>placecall</c>), when one was involved.</summary>
    public string? Command { get; }

    private static string Format(int code, string message, string? command)
    {
        var what = DkyErrorCodes.Describe(code);
        var prefix = command is null ? string.Empty : command + ": ";
        return what is null ? $"{prefix}{code} {message}" : $"{prefix}{code} {message} [{what}]";
    }
}
