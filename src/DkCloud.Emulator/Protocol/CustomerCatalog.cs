using System;
using System.Collections.Generic;

namespace DkCloud.Emulator.Protocol;

/// <summary>How a number behaves: set explicitly, or by the emulator's number convention.</summary>
internal sealed class CustomerCatalog
{
    private readonly Dictionary<string, CustomerBehavior> _explicit = new(StringComparer.Ordinal);
    private readonly TimeSpan _defaultAnswer;

    public CustomerCatalog(TimeSpan defaultAnswer) => _defaultAnswer = defaultAnswer;

    public void Set(string number, CustomerBehavior behavior) => _explicit[number] = behavior;

    /// <summary>Why a call to the number is refused before it is placed (code and message), or <see langword="null"/>.</summary>
    public (string Code, string Message)? Refusal(string number)
    {
        if (_explicit.ContainsKey(number))
        {
            return null;
        }

        if (number.StartsWith("999", StringComparison.Ordinal))
        {
            return (ErrorCodes.Blacklisted, "外呼号码为黑名单号码");
        }

        if (number.StartsWith("000", StringComparison.Ordinal))
        {
            return (ErrorCodes.RiskControl, "外呼号码触发风控");
        }

        return null;
    }

    public CustomerBehavior Behavior(string number)
    {
        if (_explicit.TryGetValue(number, out var behavior))
        {
            return behavior;
        }

        return new CustomerBehavior
        {
            AnswerAfter = _defaultAnswer,
            Busy = number.EndsWith("486", StringComparison.Ordinal),
            NoAnswer = number.EndsWith("480", StringComparison.Ordinal),
        };
    }
}
