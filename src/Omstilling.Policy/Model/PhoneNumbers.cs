namespace Omstilling.Policy.Model;

/// <summary>
/// Danish phone numbers: 8 digits written in pairs ("54 73 10 00"), E.164 "+4554731000", or
/// "004554731000"; international numbers "+" and up to 15 digits; extensions 2-6 digits.
/// </summary>
public static class PhoneNumbers
{
    /// <summary>Longest input the router reads; more digits than E.164's 15 plus prefixes is never a number.</summary>
    internal const int MaxDigits = 20;

    /// <summary>
    /// The key a dialled string is looked up by: the 8-digit national number, or the digits as they
    /// are (an extension). Separators (space, '-', '.') are skipped. False when the input holds
    /// anything else or is too long. Allocates nothing.
    /// </summary>
    internal static bool TryGetKey(ReadOnlySpan<char> dialled, Span<char> buffer, out int length)
    {
        length = 0;
        var plus = false;
        foreach (var c in dialled)
        {
            if (char.IsAsciiDigit(c))
            {
                if (length == buffer.Length)
                {
                    return false;
                }

                buffer[length++] = c;
            }
            else if (c == '+' && length == 0 && !plus)
            {
                plus = true;
            }
            else if (c is not (' ' or '-' or '.'))
            {
                return false;
            }
        }

        ReadOnlySpan<char> digits = buffer[..length];
        if (plus && length == 10 && digits.StartsWith("45"))
        {
            digits[2..].CopyTo(buffer);
            length = 8;
        }
        else if (!plus && length == 12 && digits.StartsWith("0045"))
        {
            digits[4..].CopyTo(buffer);
            length = 8;
        }
        else if (plus)
        {
            return false;
        }

        return length > 0;
    }

    /// <summary>A Danish number (any accepted form) as its 8 national digits.</summary>
    public static bool TryNormalizeDanish(string text, out string national)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<char> buffer = stackalloc char[MaxDigits];
        if (TryGetKey(text, buffer, out var length) && length == 8)
        {
            national = new string(buffer[..8]);
            return true;
        }

        national = string.Empty;
        return false;
    }

    /// <summary>An external number: Danish (8 digits) or international ("+" country code, 8-15 digits).</summary>
    public static bool TryNormalizeExternal(string text, out string normalized)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryNormalizeDanish(text, out normalized))
        {
            return true;
        }

        var trimmed = text.Trim();
        if (trimmed.StartsWith('+'))
        {
            var digits = new string([.. trimmed.Skip(1).Where(char.IsAsciiDigit)]);
            var clean = trimmed.Skip(1).All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.');
            if (clean && digits.Length is >= 8 and <= 15 && digits[0] != '0')
            {
                normalized = "+" + digits;
                return true;
            }
        }

        normalized = string.Empty;
        return false;
    }

    /// <summary>An internal extension: 2 to 6 digits, not starting with 0 (0 reaches an outside line).</summary>
    public static bool IsExtension(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length is >= 2 and <= 6 && text[0] != '0' && text.All(char.IsAsciiDigit);
    }

    /// <summary>"54731000" → "54 73 10 00"; "+4554731000" → "+45 54 73 10 00"; others unchanged.</summary>
    public static string Format(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        if (normalized.Length == 8 && normalized.All(char.IsAsciiDigit))
        {
            return $"{normalized[..2]} {normalized[2..4]} {normalized[4..6]} {normalized[6..]}";
        }

        if (normalized.StartsWith("+45", StringComparison.Ordinal) && normalized.Length == 11)
        {
            return "+45 " + Format(normalized[3..]);
        }

        return normalized;
    }
}
