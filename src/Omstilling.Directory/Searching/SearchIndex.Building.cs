using System.Collections.Frozen;
using Omstilling.Directory.Model;
using Omstilling.Directory.Text;

namespace Omstilling.Directory.Searching;

/// <summary>Building: every searchable word of every entity, folded three ways, and the name order.</summary>
internal sealed partial class SearchIndex
{
    private SearchIndex(Person[] people, Department[] departments, int[] rank, int[] byRank, TermIndex words, TermIndex extensions, TermIndex numbers)
    {
        _people = people;
        _departments = departments;
        _rank = rank;
        _byRank = byRank;
        _words = words;
        _extensions = extensions;
        _numbers = numbers;
        _pool = new SearchScratchPool(people.Length + departments.Length);
    }

    /// <param name="people">In the order hits should break ties when names are equal (any stable order).</param>
    /// <param name="departments">Every department a person may name.</param>
    /// <param name="nameOrder">Danish name order (da-DK), for ties.</param>
    public static SearchIndex Build(Person[] people, Department[] departments, FrozenDictionary<string, Department> byId, StringComparer nameOrder)
    {
        var words = new TermIndexBuilder(allowsInfix: true);
        var extensions = new TermIndexBuilder(allowsInfix: false);
        var numbers = new TermIndexBuilder(allowsInfix: true);
        for (var i = 0; i < people.Length; i++)
        {
            var person = people[i];
            AddWords(words, person.Name, i, MatchedField.Name);
            foreach (var topic in person.Topics)
            {
                AddWords(words, topic, i, MatchedField.Topic);
            }

            if (person.Title is { } title)
            {
                AddWords(words, title, i, MatchedField.Title);
            }

            if (byId.TryGetValue(person.DepartmentId, out var department))
            {
                AddWords(words, department.Name, i, MatchedField.Department);
            }

            if (person.Extension is { } extension)
            {
                extensions.Add(extension, i, MatchedField.Extension);
            }

            foreach (var number in person.DirectNumbers)
            {
                numbers.Add(number.Number, i, MatchedField.Number);
            }

            if (person.Mobile is { } mobile)
            {
                numbers.Add(mobile, i, MatchedField.Number);
            }
        }

        for (var j = 0; j < departments.Length; j++)
        {
            var entity = people.Length + j;
            var department = departments[j];
            AddWords(words, department.Name, entity, MatchedField.Name);
            foreach (var topic in department.Topics)
            {
                AddWords(words, topic, entity, MatchedField.Topic);
            }

            foreach (var number in department.Numbers)
            {
                numbers.Add(number.Number, entity, MatchedField.Number);
            }
        }

        var (rank, byRank) = NameRanks(people, departments, nameOrder);
        return new SearchIndex(people, departments, rank, byRank, words.Build(), extensions.Build(), numbers.Build());
    }

    /// <summary>Each word of the text in its strict and loose folds (all kept: a query may be typed either way).</summary>
    private static void AddWords(TermIndexBuilder builder, string text, int entity, MatchedField field)
    {
        foreach (var word in Words(DanishText.Composed(text)))
        {
            var strict = DanishText.Fold(word, FoldMode.Strict);
            builder.Add(strict, entity, field);
            var loose = DanishText.Fold(word, FoldMode.Loose);
            if (loose != strict)
            {
                builder.Add(loose, entity, field);
                var looseA = DanishText.Fold(word, FoldMode.LooseA);
                if (looseA != loose)
                {
                    builder.Add(looseA, entity, field);
                }
            }
        }
    }

    /// <summary>Runs of letters and digits, as the query parser splits them.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !DanishText.IsWordChar(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && DanishText.IsWordChar(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                yield return text[start..i];
            }
        }
    }

    /// <summary>Entity → place in Danish name order, and back; people before departments of the same name.</summary>
    private static (int[] Rank, int[] ByRank) NameRanks(Person[] people, Department[] departments, StringComparer nameOrder)
    {
        var count = people.Length + departments.Length;
        var byRank = new int[count];
        for (var i = 0; i < count; i++)
        {
            byRank[i] = i;
        }

        string NameOf(int entity) => entity < people.Length ? people[entity].Name : departments[entity - people.Length].Name;
        string IdOf(int entity) => entity < people.Length ? people[entity].Id : departments[entity - people.Length].Id;
        Array.Sort(byRank, (a, b) =>
        {
            var byName = nameOrder.Compare(NameOf(a), NameOf(b));
            if (byName != 0)
            {
                return byName;
            }

            var byKind = (a < people.Length).CompareTo(b < people.Length);
            return byKind != 0 ? -byKind : string.CompareOrdinal(IdOf(a), IdOf(b));
        });
        var rank = new int[count];
        for (var r = 0; r < count; r++)
        {
            rank[byRank[r]] = r;
        }

        return (rank, byRank);
    }
}
