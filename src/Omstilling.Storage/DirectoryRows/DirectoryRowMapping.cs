using System.Collections.Immutable;
using System.Text.Json;
using Omstilling.Directory.Loading;
using Omstilling.Directory.Model;
using NumberVisibility = Omstilling.Policy.Model.NumberVisibility;
using Omstilling.Storage.Entities;
using Omstilling.Policy.Outbound;

namespace Omstilling.Storage.DirectoryRows;

/// <summary>The directory's entries as rows and back; lists as JSON arrays. Pure and thread-safe.</summary>
internal static class DirectoryRowMapping
{
    private sealed record NumberJson(string Number, string Visibility);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DirectoryFile ToFile(string source, IEnumerable<DirectoryAreaRecord> areas, IEnumerable<DirectoryDepartmentRecord> departments, IEnumerable<DirectoryPersonRecord> people) => new(
        source,
        [.. areas.OrderBy(a => a.Position).Select(a => new Area(a.Id, a.Name))],
        [.. departments.OrderBy(d => d.Position).Select(ToEntry)],
        [.. people.OrderBy(p => p.Position).Select(ToPerson)]);

    public static DirectoryAreaRecord ToRecord(Area area, int position) => new() { Id = area.Id, Name = area.Name, Position = position };

    public static void Copy(Area area, DirectoryAreaRecord row) => row.Name = area.Name;

    public static DirectoryDepartmentRecord ToRecord(DepartmentEntry department, int position)
    {
        var row = new DirectoryDepartmentRecord { Id = department.Id, Topics = "[]", Numbers = "[]", Position = position };
        Copy(department, row);
        return row;
    }

    public static void Copy(DepartmentEntry department, DirectoryDepartmentRecord row)
    {
        row.Name = department.Name;
        row.AreaId = department.AreaId;
        row.Email = department.Email;
        row.Topics = Strings(department.Topics);
        row.Numbers = Numbers(department.Numbers);
    }

    public static DirectoryPersonRecord ToRecord(Person person, int position)
    {
        var row = new DirectoryPersonRecord { Id = person.Id, Name = person.Name, DepartmentId = person.DepartmentId, Numbers = "[]", Topics = "[]", CoveredBy = "[]", Position = position };
        Copy(person, row);
        return row;
    }

    public static void Copy(Person person, DirectoryPersonRecord row)
    {
        row.Name = person.Name;
        row.DepartmentId = person.DepartmentId;
        row.Title = person.Title;
        row.Extension = person.Extension;
        row.Email = person.Email;
        row.Mobile = person.Mobile;
        row.Numbers = Numbers(person.DirectNumbers);
        row.Topics = Strings(person.Topics);
        row.CoveredBy = Strings(person.CoveredBy);
        row.CalendarIcs = person.Calendar?.Ics;
        row.CalendarMicrosoft365 = person.Calendar?.Microsoft365;
        row.ClassOfService = person.ClassOfService is { } classOfService ? OutboundPermission.Name(classOfService) : null;
    }

    private static DepartmentEntry ToEntry(DirectoryDepartmentRecord row) => new(row.Id)
    {
        Name = row.Name,
        AreaId = row.AreaId,
        Email = row.Email,
        Topics = ReadStrings(row.Topics),
        Numbers = ReadNumbers(row.Numbers),
    };

    private static Person ToPerson(DirectoryPersonRecord row) => new(row.Id, row.Name, row.DepartmentId)
    {
        Title = row.Title,
        Extension = row.Extension,
        Email = row.Email,
        Mobile = row.Mobile,
        DirectNumbers = ReadNumbers(row.Numbers),
        Topics = ReadStrings(row.Topics),
        CoveredBy = ReadStrings(row.CoveredBy),
        Calendar = row.CalendarIcs is null && row.CalendarMicrosoft365 is null ? null : new CalendarSource(row.CalendarIcs, row.CalendarMicrosoft365),
        ClassOfService = OutboundPermission.TryParseClass(row.ClassOfService, out var classOfService) ? classOfService : null,
    };

    private static string Strings(ImmutableArray<string> values) => JsonSerializer.Serialize(values.IsDefault ? [] : values.ToArray(), Json);

    private static ImmutableArray<string> ReadStrings(string json) => [.. JsonSerializer.Deserialize<string[]>(json, Json) ?? []];

    private static string Numbers(ImmutableArray<DirectNumber> numbers) =>
        JsonSerializer.Serialize(numbers.IsDefault ? [] : numbers.Select(n => new NumberJson(n.Number, n.IsPartnersOnly ? "partners" : "public")).ToArray(), Json);

    private static ImmutableArray<DirectNumber> ReadNumbers(string json) =>
        [.. (JsonSerializer.Deserialize<NumberJson[]>(json, Json) ?? []).Select(n => new DirectNumber(n.Number, n.Visibility == "partners" ? NumberVisibility.PartnersOnly : NumberVisibility.Public))];
}
