using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Omstilling.Directory.Model;
using Omstilling.Directory.Searching;

namespace Omstilling.Directory;

/// <summary>
/// The switchboard's knowledge database (vidensdatabase) at one moment: areas, departments,
/// people, who covers for whom, and search over all of it. Immutable and thread-safe: one
/// snapshot is shared by every call and console; a staff change builds a new one (see
/// <see cref="FromPolicy"/>). Live state (absence) is kept apart in <see cref="Live.AbsenceBook"/>.
/// </summary>
public sealed partial class StaffDirectory
{
    /// <summary>The main switchboard's department id, as the policy names it.</summary>
    public const string SwitchboardId = "switchboard";

    /// <summary>Most hits one search returns; a console shows a screenful.</summary>
    public const int MaxSearchLimit = SearchIndex.MaxLimit;

    /// <summary>Names are ordered as a Danish reader expects: æ, ø, å after z, "aa" as å.</summary>
    internal static readonly StringComparer DanishOrder = StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), CompareOptions.None);

    private readonly SearchIndex _index;
    private readonly FrozenDictionary<string, Person>.AlternateLookup<ReadOnlySpan<char>> _byExtension;
    private readonly FrozenDictionary<string, ImmutableArray<Person>> _byDepartment;

    /// <summary>
    /// A directory of the given entries. Every reference must resolve: a person's department and
    /// covered-by colleagues, a department's area; ids and extensions must be unique.
    /// </summary>
    /// <exception cref="ArgumentException">A duplicate or a reference that does not resolve (a bug in the caller:
    /// files are checked with positions by <see cref="Loading.DirectoryLoader"/> first).</exception>
    public StaffDirectory(IEnumerable<Area> areas, IEnumerable<Department> departments, IEnumerable<Person> people)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(people);
        Areas = Unique(areas, a => a.Id, "area id");
        Departments = Unique(departments, d => d.Id, "department id");
        var everyone = people.ToArray();
        People = Unique(everyone, p => p.Id, "person id");
        var byExtension = Unique(everyone.Where(p => p.Extension is not null), p => p.Extension!, "extension");
        _byExtension = byExtension.GetAlternateLookup<ReadOnlySpan<char>>();
        Check();

        _byDepartment = everyone
            .GroupBy(p => p.DepartmentId, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(p => p.Name, DanishOrder).ThenBy(p => p.Id, StringComparer.Ordinal).ToImmutableArray(), StringComparer.Ordinal);
        var departmentList = Departments.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
        var personList = everyone.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
        _index = SearchIndex.Build(personList, departmentList, Departments, DanishOrder);
    }

    /// <summary>No one: for a switchboard started without a directory.</summary>
    public static StaffDirectory Empty { get; } = new([], [], []);

    /// <summary>Everyone by <see cref="Person.Id"/>.</summary>
    public FrozenDictionary<string, Person> People { get; }

    /// <summary>Every department by id, the switchboard ("switchboard") included when built from a policy.</summary>
    public FrozenDictionary<string, Department> Departments { get; }

    public FrozenDictionary<string, Area> Areas { get; }

    public bool TryGetPerson(string id, [MaybeNullWhen(false)] out Person person)
    {
        ArgumentNullException.ThrowIfNull(id);
        return People.TryGetValue(id, out person);
    }

    /// <summary>Who answers an extension ("2010"), or null; by span, so a dialled string need not be copied.</summary>
    public Person? FindByExtension(ReadOnlySpan<char> extension) =>
        _byExtension.TryGetValue(extension.Trim(), out var person) ? person : null;

    /// <summary>The people of a department in Danish name order; empty for an unknown id.</summary>
    public ImmutableArray<Person> PeopleIn(string departmentId)
    {
        ArgumentNullException.ThrowIfNull(departmentId);
        return _byDepartment.TryGetValue(departmentId, out var found) ? found : [];
    }

    /// <summary>
    /// Who can help when the person is away: their covered-by colleagues in the order given, or
    /// else the rest of their department in name order. Never the person; empty for an unknown id.
    /// </summary>
    public ImmutableArray<Person> Colleagues(string personId)
    {
        ArgumentNullException.ThrowIfNull(personId);

        // Worked out when a card asks: kept for everyone it would cost a department's size squared.
        return People.TryGetValue(personId, out var person) ? ColleaguesOf(person) : [];
    }

    /// <summary>
    /// People and departments matching every word of <paramref name="query"/>, best first: by name,
    /// topic, title, department name, extension or number; Danish letters folded ("soren" finds
    /// Søren); whole words over prefixes over words inside compounds ("kort" finds "kørekort").
    /// Typically well under a millisecond for 10,000 people; allocates only the result.
    /// </summary>
    /// <param name="limit">Most hits returned, 1 to <see cref="MaxSearchLimit"/>.</param>
    public IReadOnlyList<SearchHit> Search(string query, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxSearchLimit);
        return _index.Search(query, limit);
    }

    private ImmutableArray<Person> ColleaguesOf(Person person)
    {
        if (person.CoveredBy.IsEmpty)
        {
            return [.. PeopleIn(person.DepartmentId).Where(p => p.Id != person.Id)];
        }

        return [.. person.CoveredBy.Where(id => id != person.Id).Distinct(StringComparer.Ordinal).Select(id => People[id])];
    }

    private void Check()
    {
        var problems = new List<string>();
        foreach (var department in Departments.Values)
        {
            if (department.AreaId is { } area && !Areas.ContainsKey(area))
            {
                problems.Add($"department '{department.Id}' names unknown area '{area}'");
            }
        }

        foreach (var person in People.Values)
        {
            if (!Departments.ContainsKey(person.DepartmentId))
            {
                problems.Add($"person '{person.Id}' names unknown department '{person.DepartmentId}'");
            }

            foreach (var colleague in person.CoveredBy)
            {
                if (!People.ContainsKey(colleague))
                {
                    problems.Add($"person '{person.Id}' is covered by unknown person '{colleague}'");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("The directory does not hold together: " + string.Join("; ", problems) + ".");
        }
    }

    private static FrozenDictionary<string, T> Unique<T>(IEnumerable<T> items, Func<T, string> key, string what)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(items));
            if (!result.TryAdd(key(item), item))
            {
                throw new ArgumentException($"The {what} '{key(item)}' is used twice.", nameof(items));
            }
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
