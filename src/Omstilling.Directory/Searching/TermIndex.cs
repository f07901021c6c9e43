namespace Omstilling.Directory.Searching;

/// <summary>
/// An inverted index: distinct folded words in ordinal order, each with the entities (people and
/// departments, by index) it occurs in and the best field it occurs in there. Words sharing a
/// prefix are adjacent, so a prefix is two binary searches. Postings are flat arrays (compressed
/// sparse rows). Immutable after <see cref="TermIndexBuilder.Build"/>; thread-safe.
/// </summary>
internal sealed class TermIndex
{
    private readonly string[] _terms;
    private readonly int[] _start;
    private readonly int[] _entities;
    private readonly MatchedField[] _fields;

    public TermIndex(string[] terms, int[] start, int[] entities, MatchedField[] fields, bool allowsInfix)
    {
        _terms = terms;
        _start = start;
        _entities = entities;
        _fields = fields;
        AllowsInfix = allowsInfix;
    }

    public int Count => _terms.Length;

    /// <summary>Whether tokens may match inside words here (not for extensions: "01" is not in 2010).</summary>
    public bool AllowsInfix { get; }

    public string Term(int index) => _terms[index];

    public ReadOnlySpan<int> EntitiesOf(int term) => _entities.AsSpan(_start[term], _start[term + 1] - _start[term]);

    public ReadOnlySpan<MatchedField> FieldsOf(int term) => _fields.AsSpan(_start[term], _start[term + 1] - _start[term]);

    /// <summary>The terms that start with <paramref name="prefix"/>: [lo, hi), the exact term (if any) first.</summary>
    public (int Lo, int Hi) PrefixRange(ReadOnlySpan<char> prefix)
    {
        var lo = LowerBound(prefix);
        var hi = lo;
        var end = _terms.Length;
        // Upper bound: the first term after lo that does not start with the prefix.
        while (hi < end)
        {
            var mid = hi + ((end - hi) >> 1);
            if (_terms[mid].AsSpan().StartsWith(prefix, StringComparison.Ordinal))
            {
                hi = mid + 1;
            }
            else
            {
                end = mid;
            }
        }

        return (lo, hi);
    }

    /// <summary>The first term not ordinally less than <paramref name="value"/>.</summary>
    private int LowerBound(ReadOnlySpan<char> value)
    {
        int lo = 0, hi = _terms.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (_terms[mid].AsSpan().SequenceCompareTo(value) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
