using Omstilling.Directory.Model;
using Omstilling.Web.Cards;

namespace Omstilling.Web.Console;

/// <summary>
/// The directory search (Vidensdatabasen): search as the operator types, the best hit selected,
/// ↑ ↓ to move and Enter to open. Not thread-safe: one per console, used on its circuit.
/// </summary>
public sealed class DirectorySearchViewModel(DirectoryHolder directory, PersonCards cards)
{
    /// <summary>How many results the list shows.</summary>
    public const int Limit = 12;

    public string Query { get; private set; } = "";

    public IReadOnlyList<SearchRow> Results { get; private set; } = [];

    /// <summary>The index of the chosen result, or -1 when there are none.</summary>
    public int Selected { get; private set; } = -1;

    /// <summary>The query gave nothing: the list says so.</summary>
    public bool NothingFound => Query.Length > 0 && Results.Count == 0;

    /// <summary>The chosen result, or null.</summary>
    public SearchRow? Chosen => Selected >= 0 && Selected < Results.Count ? Results[Selected] : null;

    /// <summary>The text in the search box changed: the results follow, the best one chosen.</summary>
    public void Search(string? query)
    {
        Query = query ?? "";
        var staff = directory.Current;
        Results = [.. staff.Search(Query, Limit).Select(hit => hit.Person is { } p
            ? new SearchRow(hit, p.Name, PersonDetail(p), ConsoleText.PhoneClass(cards.PhoneOf(p)))
            : new SearchRow(hit, hit.Name, DepartmentDetail(hit.Department), "dept"))];
        Selected = Results.Count > 0 ? 0 : -1;
    }

    public void Down()
    {
        if (Results.Count > 0)
        {
            Selected = (Selected + 1) % Results.Count;
        }
    }

    public void Up()
    {
        if (Results.Count > 0)
        {
            Selected = (Selected - 1 + Results.Count) % Results.Count;
        }
    }

    /// <summary>Chooses a result by its place in the list (a click); false when there is no such result.</summary>
    public bool Choose(int index)
    {
        if (index < 0 || index >= Results.Count)
        {
            return false;
        }

        Selected = index;
        return true;
    }

    public void Clear()
    {
        Query = "";
        Results = [];
        Selected = -1;
    }

    private string PersonDetail(Person person)
    {
        var department = directory.Current.Departments.TryGetValue(person.DepartmentId, out var d) ? d.Name : person.DepartmentId;
        return $"{person.Title} · {department}{(person.Extension is null ? "" : " · " + person.Extension)}";
    }

    private static string DepartmentDetail(Department? department) =>
        department is { Topics.Length: > 0 } ? "Afdeling · " + string.Join(", ", department.Topics.Take(4)) : "Afdeling";
}
