using Omstilling.Calls.Control;

namespace Omstilling.Calls.Routing;

/// <summary>
/// A forwarding feature code as keyed on a phone: <c>*21*NUMBER#</c> forwards every call,
/// <c>*67*NUMBER#</c> calls when busy, <c>*61*NUMBER#</c> calls not answered; <c>#21#</c>,
/// <c>#67#</c> and <c>#61#</c> cancel them (README, "Forwarding from the phone"). The final
/// <c>#</c> may be missing. NUMBER is 1-16 digits (9 is the pass-back code), optionally after a <c>+</c>.
/// </summary>
/// <param name="Target">The number keyed, or null for a cancel code.</param>
public sealed record ForwardKeys(ForwardCondition Condition, string? Target)
{
    public static bool TryParse(string dialled, out ForwardKeys keys)
    {
        ArgumentNullException.ThrowIfNull(dialled);
        keys = null!;
        if (dialled.Length < 3 || ConditionOf(dialled.AsSpan(1, 2)) is not { } condition)
        {
            return false;
        }

        var rest = dialled.AsSpan(3);
        if (dialled[0] == '#')
        {
            if (rest.IsEmpty || rest.SequenceEqual("#"))
            {
                keys = new ForwardKeys(condition, null);
                return true;
            }

            return false;
        }

        if (dialled[0] != '*' || !rest.StartsWith("*"))
        {
            return false;
        }

        var number = rest[1..];
        if (number.EndsWith("#"))
        {
            number = number[..^1];
        }

        var digits = number.StartsWith("+") ? number[1..] : number;
        if (digits.Length is < 1 or > 16 || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        keys = new ForwardKeys(condition, number.ToString());
        return true;
    }

    private static ForwardCondition? ConditionOf(ReadOnlySpan<char> code) =>
        code.SequenceEqual("21") ? ForwardCondition.Always
        : code.SequenceEqual("67") ? ForwardCondition.Busy
        : code.SequenceEqual("61") ? ForwardCondition.NoAnswer
        : null;
}
