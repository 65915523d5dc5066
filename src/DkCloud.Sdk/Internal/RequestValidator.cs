using System;
using DkCloud.Sdk.Models;

namespace DkCloud.Sdk.Internal;

/// <summary>Refuses requests the server would refuse, before anything is sent, with the field named.</summary>
internal static class RequestValidator
{
    public static void CallPhone(CallPhoneRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        PhoneNumber(request.CalledNumber, "callednum");
        var callerIdChoices = Count(request.MobileTelx) + Count(request.FixedTelx) + Count(request.TrunkNumberGroups) + Count(request.TrunkNumberGroupId);
        if (callerIdChoices > 1)
        {
            throw Invalid("callphone", "mobileTelx, fixedTelx, trunkNumberGroups and trunkNumberGroupId are exclusive: set at most one.");
        }

        if (request.UserField is { } field)
        {
            if (field.Length > 255)
            {
                throw Invalid("callphone", "userfield: at most 255 characters.");
            }

            foreach (var c in field)
            {
                if (!(IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '-' or '_' or '.'))
                {
                    throw Invalid("callphone", "userfield: letters, digits and Base64 symbols only (no special symbols).");
                }
            }
        }

        if (request.CallStrategy is { } s && (int)s is < 1 or > 3)
        {
            throw Invalid("callphone", "callStrategy: 1, 2 or 3.");
        }
    }

    public static void PhoneNumber(string? number, string field)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            throw Invalid(field, $"{field}: required.");
        }

        for (var i = 0; i < number!.Length; i++)
        {
            var c = number[i];
            if (!(c is >= '0' and <= '9' || (c == '+' && i == 0)))
            {
                throw Invalid(field, $"{field}: digits only (a leading + allowed).");
            }
        }

        if (number.Length > 32)
        {
            throw Invalid(field, $"{field}: at most 32 digits.");
        }
    }

    public static void Dtmf(string? digits)
    {
        if (string.IsNullOrEmpty(digits))
        {
            throw Invalid("playdtmf", "digit: required.");
        }

        foreach (var c in digits!)
        {
            if (!(c is >= '0' and <= '9' or '*' or '#'))
            {
                throw Invalid("playdtmf", "digit: only 0-9, * and # are allowed.");
            }
        }
    }

    public static void Required(string? value, string command, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Invalid(command, $"{field}: required.");
        }
    }

    public static void Defined<TEnum>(TEnum value, string command, string field)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(typeof(TEnum), value))
        {
            throw Invalid(command, $"{field}: {Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)} is not a valid {typeof(TEnum).Name}.");
        }
    }

    public static void HttpsUrl(Uri? url, string command, string field)
    {
        if (url is not null && (!url.IsAbsoluteUri || url.Scheme != "https"))
        {
            throw Invalid(command, $"{field}: must be an absolute https URL.");
        }
    }

    public static DkyException Invalid(string command, string message) =>
        new(DkyErrorCodes.InvalidRequest, message, command);

    private static int Count(string? s) => string.IsNullOrEmpty(s) ? 0 : 1;

    private static bool IsAsciiLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
}
