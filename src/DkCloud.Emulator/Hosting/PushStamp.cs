using System;
using System.Globalization;

namespace DkCloud.Emulator.Hosting;

/// <summary>
/// Adds <c>"emulatorSentAt":"…"</c> as the first field of a message's <c>data</c> object, for clients that measure
/// the latency from the emulator's send to their handler (<see cref="EmulatorOptions.StampPushes"/>).
/// </summary>
internal static class PushStamp
{
    /// <summary>The field's name inside <c>data</c>.</summary>
    public const string FieldName = "emulatorSentAt";

    private const string DataObject = "\"data\":{";

    /// <summary>
    /// The message with the stamp inserted, or the message unchanged when it has no <c>data</c> object. The emulator
    /// writes its JSON without whitespace, so <c>"data":{</c> is the data object's opening; a string value that
    /// contained that text would be escaped (<c>\"data\"</c>) and cannot match first.
    /// </summary>
    public static string Insert(string message, long timestamp)
    {
        var at = message.IndexOf(DataObject, StringComparison.Ordinal);
        if (at < 0)
        {
            return message;
        }

        var split = at + DataObject.Length;
        var separator = message[split] == '}' ? string.Empty : ",";
        return string.Concat(
            message.AsSpan(0, split),
            "\"" + FieldName + "\":\"" + timestamp.ToString(CultureInfo.InvariantCulture) + "\"" + separator,
            message.AsSpan(split));
    }
}
