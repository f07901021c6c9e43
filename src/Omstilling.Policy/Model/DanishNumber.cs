using System.Diagnostics.CodeAnalysis;

namespace Omstilling.Policy.Model;

/// <summary>
/// A Danish phone number, kept as its 8 national digits. The platform's one model of numbers: the
/// policy, the dial plan, the directory and the console all read, compare and write numbers here,
/// so one rule decides what is the same number everywhere (docs/policy.md, "Numbers"):
/// <list type="bullet">
/// <item>A Danish number is 8 digits. <c>54731000</c>, <c>54 73 10 00</c>, <c>+4554731000</c>,
/// <c>+45 54 73 10 00</c> and <c>004554731000</c> are the same number; space, '-', '.', '(' and ')'
/// may stand between digits (RFC 3966's visual separators, and the space Danes write). A '+' is
/// only allowed before the first digit, and only +45 (or 0045) followed by exactly 8 digits is
/// Danish.</item>
/// <item>An extension (lokalnummer) is 2 to 6 digits, not starting with 0 (0 reaches an outside
/// line), written without separators. It is never the same as a Danish number.</item>
/// <item>A number outside Denmark is '+', a country code and 8 to 15 digits in all (E.164),
/// written <c>+4681234567</c>; only an external forward may name one.</item>
/// </list>
/// Written in pairs, "54 73 10 00"; E.164 "+4554731000". Immutable value; <c>default</c> is no
/// number (its digits are empty).
/// </summary>
public readonly record struct DanishNumber : ISpanFormattable
{
    /// <summary>A Danish number's national digits.</summary>
    public const int Length = 8;

    /// <summary>Longest input read: more digits than E.164's 15 plus a 00 prefix is never a number, and the parse allocates nothing.</summary>
    public const int MaxDigits = 20;

    private const string CountryCode = "45";
    private const string InternationalPrefix = "00";

    private readonly string? _national;

    private DanishNumber(string national) => _national = national;

    /// <summary>The 8 national digits, "54731000" (empty for <c>default</c>).</summary>
    public string National => _national ?? string.Empty;

    /// <summary>E.164, "+4554731000".</summary>
    public string E164 => "+" + CountryCode + National;

    /// <summary>A Danish number in any accepted form.</summary>
    /// <exception cref="FormatException">Not a Danish number.</exception>
    public static DanishNumber Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var number)
            ? number
            : throw new FormatException($"'{text}' is not a Danish phone number (8 digits such as 54 73 10 00, or +45 54 73 10 00).");
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out DanishNumber number)
    {
        if (text is null)
        {
            number = default;
            return false;
        }

        return TryParse(text.AsSpan(), out number);
    }

    public static bool TryParse(ReadOnlySpan<char> text, out DanishNumber number)
    {
        Span<char> national = stackalloc char[Length];
        if (TryGetNational(text, national))
        {
            number = new DanishNumber(new string(national));
            return true;
        }

        number = default;
        return false;
    }

    /// <summary>
    /// Writes the 8 national digits of a Danish number in any accepted form into
    /// <paramref name="national"/> (at least 8 long); false when the text is not one. Allocates nothing.
    /// </summary>
    public static bool TryGetNational(ReadOnlySpan<char> text, Span<char> national)
    {
        if (national.Length < Length)
        {
            throw new ArgumentException($"Room for {Length} digits is needed.", nameof(national));
        }

        Span<char> digits = stackalloc char[MaxDigits];
        if (!TryReadDigits(text, digits, out var count, out var plus))
        {
            return false;
        }

        ReadOnlySpan<char> read = digits[..count];
        var start = plus
            ? (count == CountryCode.Length + Length && read.StartsWith(CountryCode) ? CountryCode.Length : -1)
            : count == Length ? 0
            : count == InternationalPrefix.Length + CountryCode.Length + Length && read.StartsWith(InternationalPrefix + CountryCode) ? InternationalPrefix.Length + CountryCode.Length
            : -1;
        if (start < 0)
        {
            return false;
        }

        read[start..].CopyTo(national);
        return true;
    }

    /// <summary>An internal extension: 2 to 6 digits, not starting with 0.</summary>
    public static bool IsExtension(ReadOnlySpan<char> text) =>
        text.Length is >= 2 and <= 6 && text[0] != '0' && !text.ContainsAnyExceptInRange('0', '9');

    /// <summary>
    /// The key a dialled string is looked up by in a number plan: a Danish number's 8 national
    /// digits, or the digits as they are (an extension, a service number), separators skipped.
    /// False for a number outside Denmark, anything but digits and separators, or more than
    /// <see cref="MaxDigits"/> digits. Allocates nothing.
    /// </summary>
    public static bool TryGetPlanKey(ReadOnlySpan<char> dialled, Span<char> buffer, out int length)
    {
        if (buffer.Length >= Length && TryGetNational(dialled, buffer))
        {
            length = Length;
            return true;
        }

        length = 0;
        if (!TryReadDigits(dialled, buffer, out var count, out var plus) || plus || count == 0)
        {
            return false;
        }

        length = count;
        return true;
    }

    /// <summary>
    /// A number an external forward may name: a Danish number as its 8 national digits, or a number
    /// outside Denmark as E.164 ("+4681234567": '+', a country code not starting with 0, 8 to 15 digits).
    /// </summary>
    public static bool TryNormalizeExternal(string text, [NotNullWhen(true)] out string? normalized)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParse(text, out var danish))
        {
            normalized = danish.National;
            return true;
        }

        Span<char> digits = stackalloc char[MaxDigits];
        if (TryReadDigits(text, digits, out var count, out var plus) && plus && count is >= 8 and <= 15 && digits[0] != '0')
        {
            normalized = "+" + new string(digits[..count]);
            return true;
        }

        normalized = null;
        return false;
    }

    /// <summary>
    /// Any number as staff read it: a Danish number in pairs ("54 73 10 00", whatever form it came
    /// in), anything else (an extension, a number abroad, an anonymous caller) as it is.
    /// </summary>
    public static string Display(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return TryParse(number, out var danish) ? danish.ToString() : number;
    }

    /// <summary>"54 73 10 00".</summary>
    public override string ToString() => ToString(null, null);

    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> text = stackalloc char[Length + 3];
        return TryFormat(text, out var written, format, formatProvider) ? new string(text[..written]) : string.Empty;
    }

    /// <summary>Writes the number in pairs, "54 73 10 00"; <c>default</c> writes nothing.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var national = National.AsSpan();
        charsWritten = 0;
        if (national.Length == 0)
        {
            return true;
        }

        if (destination.Length < Length + 3)
        {
            return false;
        }

        for (var pair = 0; pair < Length / 2; pair++)
        {
            if (pair > 0)
            {
                destination[charsWritten++] = ' ';
            }

            destination[charsWritten++] = national[pair * 2];
            destination[charsWritten++] = national[(pair * 2) + 1];
        }

        return true;
    }

    /// <summary>
    /// The digits of <paramref name="text"/> without separators, and whether a '+' came before
    /// them. False for any other character, a '+' after a digit or a second '+', or too many digits.
    /// </summary>
    private static bool TryReadDigits(ReadOnlySpan<char> text, Span<char> digits, out int count, out bool plus)
    {
        count = 0;
        plus = false;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return false;
                }

                digits[count++] = c;
            }
            else if (c == '+' && count == 0 && !plus)
            {
                plus = true;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return false;
            }
        }

        return true;
    }
}
