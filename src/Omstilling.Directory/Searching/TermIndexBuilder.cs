namespace Omstilling.Directory.Searching;

/// <summary>
/// Collects (word, entity, field) while the directory is built. Entities must be added in
/// increasing order, all words of one entity together, so that a word met twice in one entity
/// (a name that is also a topic) keeps only its best field. Not thread-safe (build time only).
/// </summary>
internal sealed class TermIndexBuilder(bool allowsInfix)
{
    private readonly Dictionary<string, List<(int Entity, MatchedField Field)>> _postings = new(StringComparer.Ordinal);

    public void Add(string term, int entity, MatchedField field)
    {
        if (term.Length == 0)
        {
            return;
        }

        if (!_postings.TryGetValue(term, out var list))
        {
            list = [];
            _postings.Add(term, list);
        }

        if (list.Count > 0 && list[^1].Entity == entity)
        {
            if (SearchScores.Of(field, MatchQuality.Exact) > SearchScores.Of(list[^1].Field, MatchQuality.Exact))
            {
                list[^1] = (entity, field);
            }

            return;
        }

        list.Add((entity, field));
    }

    public TermIndex Build()
    {
        var terms = new string[_postings.Count];
        _postings.Keys.CopyTo(terms, 0);
        Array.Sort(terms, StringComparer.Ordinal);
        var start = new int[terms.Length + 1];
        var total = 0;
        for (var i = 0; i < terms.Length; i++)
        {
            start[i] = total;
            total += _postings[terms[i]].Count;
        }

        start[terms.Length] = total;
        var entities = new int[total];
        var fields = new MatchedField[total];
        for (var i = 0; i < terms.Length; i++)
        {
            var at = start[i];
            foreach (var (entity, field) in _postings[terms[i]])
            {
                entities[at] = entity;
                fields[at] = field;
                at++;
            }
        }

        return new TermIndex(terms, start, entities, fields, allowsInfix);
    }
}
