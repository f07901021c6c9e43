using System.Collections.Frozen;

namespace Omstilling.Directory.Loading.Accounts;

/// <summary>
/// The administrator's translation of an account source's department names to the directory's
/// department ids, for names that are not the directory's own: written
/// <c>Borgerservice og Ydelse=borgerservice; Byg og Miljø=byggesag</c> (the variable
/// <see cref="Variable"/>). Names are compared without regard to case. Immutable.
/// </summary>
public sealed class DepartmentNameMap
{
    /// <summary>The environment variable (or configuration key) the map is read from.</summary>
    public const string Variable = "OMSTILLING_GRAPH_DEPARTMENTS";

    private readonly FrozenDictionary<string, string> _ids;

    private DepartmentNameMap(Dictionary<string, string> ids) => _ids = ids.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static DepartmentNameMap Empty { get; } = new([]);

    public int Count => _ids.Count;

    /// <summary>The department id a source's name is mapped to, or null.</summary>
    public string? IdFor(string name) => _ids.GetValueOrDefault(name.Trim());

    /// <summary>The mapped names and ids.</summary>
    public IEnumerable<KeyValuePair<string, string>> Entries => _ids;

    /// <summary>Reads <c>name=id</c> pairs separated by <c>;</c> or line breaks; empty or null text is no map.</summary>
    /// <exception cref="FormatException">A pair without '=', an empty name or id, or a name given twice.</exception>
    public static DepartmentNameMap Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Empty;
        }

        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = raw.LastIndexOf('=');
            var name = equals < 0 ? "" : raw[..equals].Trim();
            var id = equals < 0 ? "" : raw[(equals + 1)..].Trim();
            if (name.Length == 0 || id.Length == 0)
            {
                throw new FormatException($"{Variable}: '{raw}' is not a mapping; expected name=department-id, such as Borgerservice og Ydelse=borgerservice");
            }

            if (!ids.TryAdd(name, id))
            {
                throw new FormatException($"{Variable}: the name '{name}' is mapped twice; expected each name once");
            }
        }

        return new DepartmentNameMap(ids);
    }
}
