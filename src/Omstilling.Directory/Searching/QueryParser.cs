using Omstilling.Directory.Text;
using Omstilling.Policy.Model;

namespace Omstilling.Directory.Searching;

/// <summary>
/// Splits a typed query into folded words without allocating: words are runs of letters and
/// digits, each folded strictly and loosely into a caller's buffer. A query of digits only is one
/// phone number whatever its spacing ("54 73 20 10", "+45 5473 2010"). Pure.
/// </summary>
internal static class QueryParser
{
    /// <summary>Characters read; a longer query is cut here (no one types more at a switchboard).</summary>
    public const int MaxQueryLength = 128;

    /// <summary>Words used; more would only narrow an AND further.</summary>
    public const int MaxTokens = 8;

    /// <summary>Room for both folds of every character plus the joined digits.</summary>
    public const int BufferLength = (MaxQueryLength * DanishText.MaxExpansion * 2) + MaxQueryLength;

    /// <summary>Fills <paramref name="tokens"/> (at least <see cref="MaxTokens"/>) and returns how many.</summary>
    public static int Parse(ReadOnlySpan<char> query, Span<char> buffer, Span<QueryToken> tokens)
    {
        query = query[..Math.Min(query.Length, MaxQueryLength)];
        var count = 0;
        var used = 0;
        var i = 0;
        while (count < MaxTokens)
        {
            while (i < query.Length && !DanishText.IsWordChar(query[i]))
            {
                i++;
            }

            var start = i;
            while (i < query.Length && DanishText.IsWordChar(query[i]))
            {
                i++;
            }

            if (i == start)
            {
                break;
            }

            var word = query[start..i];
            var strictLength = DanishText.Fold(word, buffer[used..], FoldMode.Strict);
            if (strictLength == 0)
            {
                continue;
            }

            var strict = buffer.Slice(used, strictLength);
            var looseStart = used + strictLength;
            var looseLength = DanishText.Fold(word, buffer[looseStart..], FoldMode.Loose);
            if (buffer.Slice(looseStart, looseLength).SequenceEqual(strict))
            {
                looseLength = 0;
            }

            tokens[count++] = new QueryToken(used, strictLength, looseStart, looseLength, IsDigits(strict));
            used = looseStart + looseLength;
        }

        if (count == 0 || !AllDigits(tokens[..count]))
        {
            return count;
        }

        // A whole Danish number in any form the platform accepts ("+45 54 73 20 10", "0045 5473 2010")
        // is its 8 national digits, by the same rule as everywhere (DanishNumber).
        if (DanishNumber.TryGetNational(query, buffer.Slice(used, DanishNumber.Length)))
        {
            tokens[0] = new QueryToken(used, DanishNumber.Length, 0, 0, true);
            return 1;
        }

        return JoinDigits(buffer, used, tokens, count);
    }

    /// <summary>The start of a number, however spaced: "54 73 20" → "547320".</summary>
    private static int JoinDigits(Span<char> buffer, int used, Span<QueryToken> tokens, int count)
    {
        var at = used;
        for (var t = 0; t < count; t++)
        {
            buffer.Slice(tokens[t].Start, tokens[t].Length).CopyTo(buffer[at..]);
            at += tokens[t].Length;
        }

        tokens[0] = new QueryToken(used, at - used, 0, 0, true);
        return 1;
    }

    private static bool AllDigits(ReadOnlySpan<QueryToken> tokens)
    {
        foreach (var token in tokens)
        {
            if (!token.IsDigits)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> word) => !word.ContainsAnyExceptInRange('0', '9');
}
