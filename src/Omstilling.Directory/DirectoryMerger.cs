using System.Collections.Immutable;
using Omstilling.Directory.Loading;
using Omstilling.Directory.Model;
using Omstilling.Directory.Text;
using Omstilling.Policy;
using Omstilling.Policy.Model;
using Area = Omstilling.Directory.Model.Area;
using PolicyDepartment = Omstilling.Policy.Model.Department;
using PolicyPerson = Omstilling.Policy.Model.Person;

namespace Omstilling.Directory;

/// <summary>
/// Merges the policy's units and people with a directory file. The file is authoritative where
/// both describe the same thing: a person matched by extension is the file's (a different name
/// at the extension is a staff change; the same name keeps the policy's title if the file gives
/// none); a department or area matched by id takes the file's name, topics and e-mail. What only
/// one of them has is kept. Numbers the policy routes are always kept, since they ring there.
/// Pure.
/// </summary>
internal static class DirectoryMerger
{
    public static (List<Area> Areas, List<Model.Department> Departments, List<Model.Person> People) Merge(TelephonePolicy policy, DirectoryFile? file)
    {
        var areas = new Dictionary<string, Area>(StringComparer.Ordinal);
        foreach (var area in policy.Areas)
        {
            areas[area.Id] = new Area(area.Id, area.Name);
        }

        var departments = new Dictionary<string, Model.Department>(StringComparer.Ordinal);
        foreach (var unit in policy.Departments.Values.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            departments[unit.Id] = FromPolicy(unit);
        }

        foreach (var area in file?.Areas ?? [])
        {
            areas[area.Id] = area;
        }

        foreach (var entry in file?.Departments ?? [])
        {
            departments[entry.Id] = departments.TryGetValue(entry.Id, out var known) ? Enrich(known, entry) : New(entry);
        }

        var people = new List<Model.Person>();
        var filed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var person in file?.People ?? [])
        {
            filed.Add(person.Id);
            people.Add(person.Extension is { } extension && policy.People.TryGetValue(extension, out var inPolicy)
                ? Enrich(person, inPolicy)
                : person);
        }

        var fileExtensions = people.Where(p => p.Extension is not null).Select(p => p.Extension!).ToHashSet(StringComparer.Ordinal);
        foreach (var (extension, id) in PolicyPersonIds(policy, filed, fileExtensions))
        {
            people.Add(FromPolicy(policy.People[extension], id));
        }

        return ([.. areas.Values], [.. departments.Values], people);
    }

    /// <summary>
    /// Ids for the policy's people that the file does not describe (by extension): the slug of
    /// the name, or with the extension added when that is taken ("anne-soerensen-2010"). In
    /// extension order, so that the same inputs always give the same ids.
    /// </summary>
    public static Dictionary<string, string> PolicyPersonIds(TelephonePolicy policy, IEnumerable<string> fileIds, IEnumerable<string> fileExtensions)
    {
        var taken = new HashSet<string>(fileIds, StringComparer.Ordinal);
        var described = new HashSet<string>(fileExtensions, StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var person in policy.People.Values.OrderBy(p => p.Extension, StringComparer.Ordinal))
        {
            if (described.Contains(person.Extension))
            {
                continue;
            }

            var slug = DanishText.Slug(person.Name);
            var id = slug.Length > 0 ? slug : "person-" + person.Extension;
            for (var n = 2; !taken.Add(id); n++)
            {
                id = n == 2 ? $"{slug}-{person.Extension}" : $"{slug}-{person.Extension}-{n}";
            }

            result[person.Extension] = id;
        }

        return result;
    }

    private static Model.Department FromPolicy(PolicyDepartment unit) => new(unit.Id, unit.Name)
    {
        AreaId = unit.AreaId,
        Numbers = DirectNumbersOf(unit.Numbers),
    };

    private static Model.Department Enrich(Model.Department known, DepartmentEntry entry) => known with
    {
        Name = entry.Name ?? known.Name,
        AreaId = entry.AreaId ?? known.AreaId,
        Topics = entry.Topics.IsDefaultOrEmpty ? known.Topics : entry.Topics,
        Numbers = Union(entry.Numbers, known.Numbers),
        Email = entry.Email ?? known.Email,
    };

    /// <summary>A department as the directory file has it.</summary>
    internal static Model.Department New(DepartmentEntry entry) => new(entry.Id, entry.Name ?? entry.Id)
    {
        AreaId = entry.AreaId,
        Topics = entry.Topics,
        Numbers = entry.Numbers,
        Email = entry.Email,
    };

    private static Model.Person Enrich(Model.Person filed, PolicyPerson inPolicy)
    {
        var samePerson = DanishText.FoldedEquals(filed.Name, inPolicy.Name);
        return filed with
        {
            Title = filed.Title ?? (samePerson ? inPolicy.Title : null),
            DirectNumbers = Union(filed.DirectNumbers, DirectNumbersOf(inPolicy.Numbers)),
        };
    }

    private static Model.Person FromPolicy(PolicyPerson person, string id) => new(id, person.Name, person.DepartmentId)
    {
        Title = person.Title,
        Extension = person.Extension,
        DirectNumbers = DirectNumbersOf(person.Numbers),
    };

    /// <summary>The routed numbers a caller may be told (main and direct numbers, not extensions).</summary>
    private static ImmutableArray<DirectNumber> DirectNumbersOf(ImmutableArray<PlanNumber> numbers) =>
        [.. numbers
            .Where(n => n.Kind != NumberKind.Extension && n.Visibility != NumberVisibility.Internal)
            .Select(n => new DirectNumber(n.Number, n.Visibility))];

    /// <summary>The first list, then the second's numbers it lacks (the first wins on visibility).</summary>
    private static ImmutableArray<DirectNumber> Union(ImmutableArray<DirectNumber> first, ImmutableArray<DirectNumber> second)
    {
        var seen = first.Select(n => n.Number).ToHashSet(StringComparer.Ordinal);
        return [.. first, .. second.Where(n => seen.Add(n.Number))];
    }
}
