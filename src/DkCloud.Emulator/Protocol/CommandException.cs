using System;
using System.Text.Json.Nodes;

namespace DkCloud.Emulator.Protocol;

/// <summary>Refuses a command: the response gets <see cref="Code"/> and the message.</summary>
internal sealed class CommandException : Exception
{
    public CommandException(string code, string message, JsonObject? data = null)
        : base(message)
    {
        Code = code;
        ErrorData = data;
    }

    public CommandException()
        : this(ErrorCodes.SystemError, "系统繁忙,请稍后再试!")
    {
    }

    public CommandException(string message)
        : this(ErrorCodes.SystemError, message)
    {
    }

    public CommandException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ErrorCodes.SystemError;
    }

    public string Code { get; }

    /// <summary>The <c>data</c> of the error response, when not the default <c>{"state":"error","description":…}</c>.</summary>
    public JsonObject? ErrorData { get; }
}
