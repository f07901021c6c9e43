using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Omstilling.Directory.Text;

/// <summary>
/// Danish-aware folding for search: lower case, æ/ø/å written out, other diacritics dropped, so
/// that "Søren", "SOEREN" and "søren" are the same word, and "Åbenrå" is "Aabenraa". The loose form
/// is what people type without Danish letters ("soren", "abenra"). Pure and thread-safe; the
/// span overloads allocate nothing.
/// </summary>
public static class DanishText
{
    /// <summary>Characters with a precomputed folding: Latin-1 and Latin Extended-A/B.</summary>
    private const int TableSize = 0x250;

    /// <summary>The longest folding of one character ("æ" → "ae", "ß" → "ss").</summary>
    internal const int MaxExpansion = 2;

    private static readonly string[] StrictTable = BuildTable(FoldMode.Strict);
    private static readonly string[] LooseTable = BuildTable(FoldMode.Loose);
    private static readonly string[] LooseATable = BuildTable(FoldMode.LooseA);

    /// <summary>"Søren Ærø-Åberg" → "soeren aeroe-aaberg". Characters other than letters are kept.</summary>
    public static string Fold(string text) => Fold(text, FoldMode.Strict);

    /// <summary>"Søren Ærø-Åberg" → "soren ero-aberg": the spelling of a keyboard without æ, ø, å.</summary>
    public static string FoldLoose(string text) => Fold(text, FoldMode.Loose);

    /// <summary>True when both texts fold to the same strict form ("Søren" and "SOEREN").</summary>
    public static bool FoldedEquals(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return string.Equals(Fold(a), Fold(b), StringComparison.Ordinal);
    }

    /// <summary>
    /// An id made of the strict fold's words joined by '-': "Anne Sørensen" → "anne-soerensen".
    /// Empty when the text has no letters or digits.
    /// </summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = Fold(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        while (builder.Length > 0 && builder[^1] == '-')
        {
            builder.Length--;
        }

        return builder.ToString();
    }

    internal static string Fold(string text, FoldMode mode)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = Composed(text);
        Span<char> buffer = source.Length <= 256 ? stackalloc char[source.Length * MaxExpansion] : new char[source.Length * MaxExpansion];
        var length = Fold(source, buffer, mode);
        return new string(buffer[..length]);
    }

    /// <summary>
    /// The text in composed form (NFC), so that "a" followed by a combining ring is "å": macOS and
    /// some browsers send decomposed text. Returns the same instance when it already is.
    /// </summary>
    internal static string Composed(string text) =>
        text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>
    /// Folds composed text into <paramref name="destination"/>, which must hold
    /// <see cref="MaxExpansion"/> characters per source character; returns the length written.
    /// </summary>
    internal static int Fold(ReadOnlySpan<char> source, Span<char> destination, FoldMode mode)
    {
        var table = mode switch
        {
            FoldMode.Strict => StrictTable,
            FoldMode.Loose => LooseTable,
            FoldMode.LooseA => LooseATable,
            _ => throw new UnreachableException($"Not a fold mode: {mode}"),
        };
        var written = 0;
        foreach (var c in source)
        {
            if (c < TableSize)
            {
                var folded = table[c];
                folded.CopyTo(destination[written..]);
                written += folded.Length;
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark))
            {
                destination[written++] = char.ToLowerInvariant(c);
            }
        }

        return written;
    }

    /// <summary>True when the character is part of a word: a letter, a digit, or a mark on a letter.</summary>
    internal static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static string[] BuildTable(FoldMode mode)
    {
        var table = new string[TableSize];
        for (var i = 0; i < TableSize; i++)
        {
            var c = (char)i;
            table[i] = Special(c, mode) ?? Decomposed(c);
        }

        return table;
    }

    /// <summary>Letters that are written out rather than stripped of a mark.</summary>
    private static string? Special(char c, FoldMode mode) => char.ToLowerInvariant(c) switch
    {
        'æ' or 'ä' => mode switch
        {
            FoldMode.Strict => "ae",
            FoldMode.Loose => "e",
            FoldMode.LooseA => "a",
            _ => throw new UnreachableException($"Not a fold mode: {mode}"),
        },
        'ø' or 'ö' => mode == FoldMode.Strict ? "oe" : "o",
        'å' => mode == FoldMode.Strict ? "aa" : "a",
        'ü' => mode == FoldMode.Strict ? "ue" : "u",
        'ß' => "ss",
        'œ' => "oe",
        'þ' => "th",
        'ð' or 'đ' => "d",
        'ł' => "l",
        'ħ' => "h",
        'ı' => "i",
        _ => null,
    };

    /// <summary>"é" → "e", "Ñ" → "n": the base letters of the canonical decomposition, lower case.</summary>
    private static string Decomposed(char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var part in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(part) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark))
            {
                builder.Append(char.ToLowerInvariant(part));
            }
        }

        return builder.ToString();
    }
}
