using Omstilling.Directory.Model;
using Omstilling.Directory.Text;

namespace Omstilling.Directory.Searching;

/// <summary>
/// The directory's search: people and departments ("entities", people first) behind three
/// inverted indexes (words, extensions, numbers). A query is folded into words; each word must be
/// met by every hit (AND); a hit's score is the sum of its best match per word
/// (<see cref="SearchScores"/>); ties go by name in Danish order. Searching allocates only the
/// result array: the per-entity state is a pooled <see cref="SearchScratch"/> of which only the
/// touched entries are reset. Immutable after building; thread-safe. Building is in
/// <c>SearchIndex.Building.cs</c>.
/// </summary>
internal sealed partial class SearchIndex
{
    /// <summary>Most hits one search returns (bounds the heap on the stack: 200 × 8 B).</summary>
    public const int MaxLimit = 200;

    private readonly Person[] _people;
    private readonly Department[] _departments;
    private readonly int[] _rank;
    private readonly int[] _byRank;
    private readonly TermIndex _words;
    private readonly TermIndex _extensions;
    private readonly TermIndex _numbers;
    private readonly SearchScratchPool _pool;

    private int Count => _people.Length + _departments.Length;

    public SearchHit[] Search(string query, int limit)
    {
        var composed = DanishText.Composed(query);
        Span<char> buffer = stackalloc char[QueryParser.BufferLength];
        Span<QueryToken> tokens = stackalloc QueryToken[QueryParser.MaxTokens];
        var count = QueryParser.Parse(composed, buffer, tokens);
        if (count == 0 || Count == 0)
        {
            return [];
        }

        // A search that throws never returns its scratch, so a half-written one is not reused.
        var scratch = _pool.Rent();
        var candidates = Collect(buffer, tokens[..count], scratch);
        var hits = Top(scratch, candidates, count, Math.Min(limit, MaxLimit));
        var accumulators = scratch.Accumulators;
        foreach (var entity in scratch.Candidates.AsSpan(0, candidates))
        {
            accumulators[entity] = default;
        }

        _pool.Return(scratch);
        return hits;
    }

    /// <summary>Runs every token; returns how many entities the first met (the candidates).</summary>
    private int Collect(ReadOnlySpan<char> buffer, ReadOnlySpan<QueryToken> tokens, SearchScratch scratch)
    {
        var accumulators = scratch.Accumulators;
        var candidates = 0;
        for (var k = 0; k < tokens.Length; k++)
        {
            var touched = k == 0 ? scratch.Candidates : scratch.Touched;
            var touchedCount = 0;
            var token = tokens[k];
            var strict = buffer.Slice(token.Start, token.Length);
            Match(_words, strict, accumulators, k, touched, ref touchedCount);
            if (token.LooseLength > 0)
            {
                Match(_words, buffer.Slice(token.LooseStart, token.LooseLength), accumulators, k, touched, ref touchedCount);
            }

            if (token.IsDigits)
            {
                Match(_extensions, strict, accumulators, k, touched, ref touchedCount);
                Match(_numbers, strict, accumulators, k, touched, ref touchedCount);
            }

            Commit(accumulators, touched.AsSpan(0, touchedCount), k);
            if (k == 0)
            {
                candidates = touchedCount;
            }

            if (touchedCount == 0)
            {
                break;
            }
        }

        return candidates;
    }

    /// <summary>Every term that the form starts, equals or (3+ characters) sits inside.</summary>
    private static void Match(TermIndex index, ReadOnlySpan<char> form, Accumulator[] accumulators, int k, int[] touched, ref int touchedCount)
    {
        var (lo, hi) = index.PrefixRange(form);
        for (var t = lo; t < hi; t++)
        {
            var quality = index.Term(t).Length == form.Length ? MatchQuality.Exact : MatchQuality.Prefix;
            Apply(index, t, quality, accumulators, k, touched, ref touchedCount);
        }

        if (!index.AllowsInfix || form.Length < SearchScores.MinInfixLength)
        {
            return;
        }

        // Terms in [lo, hi) start with the form; the rest may hold it further in. A linear scan of
        // distinct words: a municipality has a few thousand, and IndexOf is vectorised.
        Infix(index, form, 0, lo, accumulators, k, touched, ref touchedCount);
        Infix(index, form, hi, index.Count, accumulators, k, touched, ref touchedCount);
    }

    private static void Infix(TermIndex index, ReadOnlySpan<char> form, int from, int to, Accumulator[] accumulators, int k, int[] touched, ref int touchedCount)
    {
        for (var t = from; t < to; t++)
        {
            if (index.Term(t).AsSpan(1).IndexOf(form) >= 0)
            {
                Apply(index, t, MatchQuality.Infix, accumulators, k, touched, ref touchedCount);
            }
        }
    }

    private static void Apply(TermIndex index, int term, MatchQuality quality, Accumulator[] accumulators, int k, int[] touched, ref int touchedCount)
    {
        var entities = index.EntitiesOf(term);
        var fields = index.FieldsOf(term);
        for (var i = 0; i < entities.Length; i++)
        {
            ref var entry = ref accumulators[entities[i]];
            if (entry.Matched != k)
            {
                continue; // missed an earlier token (AND), or already counted for this one
            }

            var points = SearchScores.Of(fields[i], quality);
            if (points > entry.TokenBest)
            {
                if (entry.TokenBest == 0)
                {
                    touched[touchedCount++] = entities[i];
                }

                entry.TokenBest = points;
                entry.TokenField = fields[i];
            }
        }
    }

    private static void Commit(Accumulator[] accumulators, ReadOnlySpan<int> touched, int k)
    {
        foreach (var entity in touched)
        {
            ref var entry = ref accumulators[entity];
            entry.Matched = (byte)(k + 1);
            entry.Total += entry.TokenBest;
            if (entry.TokenBest > entry.BestToken)
            {
                entry.BestToken = entry.TokenBest;
                entry.BestField = entry.TokenField;
            }

            entry.TokenBest = 0;
        }
    }

    /// <summary>
    /// The best <paramref name="limit"/> candidates that met all tokens, best first: a min-heap of
    /// keys (score in the high half, reversed name rank in the low half, so a bigger key is a
    /// better hit and equal scores go alphabetically).
    /// </summary>
    private SearchHit[] Top(SearchScratch scratch, int candidates, int tokenCount, int limit)
    {
        if (limit <= 0 || candidates == 0)
        {
            return [];
        }

        Span<long> heap = stackalloc long[MaxLimit];
        heap = heap[..limit];
        var size = 0;
        var accumulators = scratch.Accumulators;
        foreach (var entity in scratch.Candidates.AsSpan(0, candidates))
        {
            ref readonly var entry = ref accumulators[entity];
            if (entry.Matched != tokenCount)
            {
                continue;
            }

            var key = ((long)entry.Total << 32) | (uint)(Count - _rank[entity]);
            if (size < limit)
            {
                TopHeap.Push(heap, ref size, key);
            }
            else if (key > heap[0])
            {
                TopHeap.ReplaceRoot(heap, size, key);
            }
        }

        var kept = heap[..size];
        kept.Sort();
        var hits = new SearchHit[size];
        for (var i = 0; i < size; i++)
        {
            var key = kept[size - 1 - i];
            var entity = _byRank[Count - (int)(uint)key];
            hits[i] = Hit(entity, (int)(key >> 32), accumulators[entity].BestField);
        }

        return hits;
    }

    private SearchHit Hit(int entity, int score, MatchedField field) => entity < _people.Length
        ? new SearchHit(SearchHitKind.Person, _people[entity], null, score, field)
        : new SearchHit(SearchHitKind.Department, null, _departments[entity - _people.Length], score, field);
}
