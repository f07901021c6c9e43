using System.Globalization;

namespace Omstilling.Calls.Routing;

/// <summary>
/// An absence feature code as keyed on a phone: <c>*41*C*HHMM#</c> sets code C until HH:MM today,
/// <c>*41*C#</c> sets it until cleared, <c>#41#</c> clears it (README, "Absence from the phone").
/// The final <c>#</c> may be missing, as many phones use it as the dial key and do not send it.
/// C is one or two digits; HHMM is a time of day (00:00-23:59). Anything else is no feature code
/// (and the dial plan answers 404).
/// </summary>
/// <param name="Code">The absence code number; null for <c>#41#</c>.</param>
/// <param name="Until">The time of day keyed, or null.</param>
public sealed record AbsenceKeys(int? Code, TimeOnly? Until)
{
    public const string SetPrefix = "*41*";

    public const string Clear = "#41#";

    public static bool TryParse(string dialled, out AbsenceKeys keys)
    {
        ArgumentNullException.ThrowIfNull(dialled);
        keys = null!;
        var text = dialled.AsSpan();
        if (text.SequenceEqual(Clear) || text.SequenceEqual(Clear.AsSpan(0, Clear.Length - 1)))
        {
            keys = new AbsenceKeys(null, null);
            return true;
        }

        if (!text.StartsWith(SetPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        text = text[SetPrefix.Length..];
        if (text.EndsWith("#"))
        {
            text = text[..^1];
        }

        var star = text.IndexOf('*');
        var codeText = star < 0 ? text : text[..star];
        if (codeText.Length is < 1 or > 2 || !AllDigits(codeText))
        {
            return false;
        }

        var code = int.Parse(codeText, NumberStyles.None, CultureInfo.InvariantCulture);
        if (star < 0)
        {
            keys = new AbsenceKeys(code, null);
            return true;
        }

        var time = text[(star + 1)..];
        if (time.Length != 4 || !AllDigits(time))
        {
            return false;
        }

        var hour = int.Parse(time[..2], NumberStyles.None, CultureInfo.InvariantCulture);
        var minute = int.Parse(time[2..], NumberStyles.None, CultureInfo.InvariantCulture);
        if (hour > 23 || minute > 59)
        {
            return false;
        }

        keys = new AbsenceKeys(code, new TimeOnly(hour, minute));
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
