using System.Globalization;
using System.Text;
using Omstilling.Directory.Model;
using Omstilling.Policy.Outbound;

namespace Omstilling.Directory.Loading;

/// <summary>
/// Writes a directory as the YAML that <see cref="DirectoryLoader"/> reads (docs/directory.md):
/// the export of the directory kept in the database, the form it is checked in against a policy,
/// and the text an audit entry shows before and after a change. Every area, department and
/// person is one flow mapping on one line, so a line is an entry: the CSV reader relies on that
/// (<see cref="CsvDirectoryReader"/>), and two entries are equal exactly when their lines are.
/// Every value is double-quoted, so no name or id is read back as a number, a boolean or null.
/// Pure and thread-safe.
/// </summary>
public static class DirectoryYaml
{
    /// <summary>The whole directory, areas, departments and people, in their order.</summary>
    public static string Write(DirectoryFile file, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var text = new StringBuilder();
        if (comment is not null)
        {
            foreach (var line in comment.Split('\n'))
            {
                text.Append("# ").Append(line.TrimEnd('\r')).Append('\n');
            }
        }

        WriteSections(text, file.Areas, file.Departments);
        text.Append(file.People.IsEmpty ? "people: []\n" : "people:\n");
        foreach (var person in file.People)
        {
            text.Append("  - ").Append(Line(person)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The <c>areas:</c> and <c>departments:</c> sections, for a text the people are added to.</summary>
    internal static void WriteSections(StringBuilder text, IEnumerable<Area> areas, IEnumerable<DepartmentEntry> departments)
    {
        var areaLines = areas.Select(a => $"  {a.Id}: {Line(a)}\n").ToList();
        text.Append(areaLines.Count == 0 ? "areas: {}\n" : "areas:\n");
        areaLines.ForEach(line => text.Append(line));
        var departmentLines = departments.Select(d => $"  {d.Id}: {Line(d)}\n").ToList();
        text.Append(departmentLines.Count == 0 ? "departments: {}\n" : "departments:\n");
        departmentLines.ForEach(line => text.Append(line));
    }

    /// <summary>An area as its flow mapping, <c>{name: "Børn, Unge og Familie"}</c>.</summary>
    public static string Line(Area area)
    {
        ArgumentNullException.ThrowIfNull(area);
        return Flow(Fields(area));
    }

    /// <summary>A department as its flow mapping (without its id, which is the key it is written under).</summary>
    public static string Line(DepartmentEntry department)
    {
        ArgumentNullException.ThrowIfNull(department);
        return Flow(Fields(department));
    }

    /// <summary>A person as its flow mapping, id first.</summary>
    public static string Line(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return Flow(Fields(person));
    }

    /// <summary>The keys whose values differ between two versions of a person, in the file's order.</summary>
    public static IReadOnlyList<string> ChangedKeys(Person before, Person after) => Changed(Fields(before), Fields(after));

    /// <summary>The keys whose values differ between two versions of a department.</summary>
    public static IReadOnlyList<string> ChangedKeys(DepartmentEntry before, DepartmentEntry after) => Changed(Fields(before), Fields(after));

    /// <summary>The keys whose values differ between two versions of an area.</summary>
    public static IReadOnlyList<string> ChangedKeys(Area before, Area after) => Changed(Fields(before), Fields(after));

    /// <summary>A value as a YAML double-quoted scalar; control characters escaped.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\t' => text.Append("\\t"),
                _ when char.IsControl(c) => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }

    private static List<(string Key, string Value)> Fields(Area area) => [("name", Quote(area.Name))];

    private static List<(string Key, string Value)> Fields(DepartmentEntry department)
    {
        var fields = new List<(string Key, string Value)>();
        Add(fields, "name", department.Name);
        Add(fields, "area", department.AreaId);
        AddList(fields, "topics", department.Topics);
        Add(fields, "email", department.Email);
        AddNumbers(fields, department.Numbers);
        return fields;
    }

    private static List<(string Key, string Value)> Fields(Person person)
    {
        var fields = new List<(string Key, string Value)> { ("id", Quote(person.Id)), ("name", Quote(person.Name)) };
        Add(fields, "title", person.Title);
        fields.Add(("department", Quote(person.DepartmentId)));
        Add(fields, "extension", person.Extension);
        Add(fields, "email", person.Email);
        Add(fields, "mobile", person.Mobile);
        AddNumbers(fields, person.DirectNumbers);
        AddList(fields, "topics", person.Topics);
        AddList(fields, "covered-by", person.CoveredBy);
        Add(fields, "class-of-service", person.ClassOfService is { } classOfService ? OutboundPermission.Name(classOfService) : null);
        if (person.Calendar is { } calendar)
        {
            var source = new List<(string Key, string Value)>();
            Add(source, "ics", calendar.Ics);
            Add(source, "microsoft365", calendar.Microsoft365);
            fields.Add(("calendar", Flow(source)));
        }

        return fields;
    }

    private static void Add(List<(string Key, string Value)> fields, string key, string? value)
    {
        if (value is not null)
        {
            fields.Add((key, Quote(value)));
        }
    }

    private static void AddList(List<(string Key, string Value)> fields, string key, IEnumerable<string> values)
    {
        var items = values.Select(Quote).ToList();
        if (items.Count > 0)
        {
            fields.Add((key, "[" + string.Join(", ", items) + "]"));
        }
    }

    private static void AddNumbers(List<(string Key, string Value)> fields, IEnumerable<DirectNumber> numbers)
    {
        var items = numbers.Select(n => n.IsPartnersOnly
            ? $"{{number: {Quote(n.Number)}, visibility: \"partners\"}}"
            : $"{{number: {Quote(n.Number)}, visibility: \"public\"}}").ToList();
        if (items.Count > 0)
        {
            fields.Add(("direct", "[" + string.Join(", ", items) + "]"));
        }
    }

    private static string Flow(List<(string Key, string Value)> fields) =>
        "{" + string.Join(", ", fields.Select(f => $"{f.Key}: {f.Value}")) + "}";

    private static List<string> Changed(List<(string Key, string Value)> before, List<(string Key, string Value)> after)
    {
        var old = before.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var now = after.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        return [.. before.Select(f => f.Key).Union(after.Select(f => f.Key))
            .Where(key => old.GetValueOrDefault(key) != now.GetValueOrDefault(key))];
    }
}
