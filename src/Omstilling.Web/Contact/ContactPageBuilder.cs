using System.Globalization;
using Omstilling.Directory;
using Omstilling.Policy;
using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;
using DirectoryPerson = Omstilling.Directory.Model.Person;
using PolicyDepartment = Omstilling.Policy.Model.Department;

namespace Omstilling.Web.Contact;

/// <summary>
/// Builds the published contact page from the policy in force, the directory and the clock: the
/// one place its content is decided, for both <c>/kontakt</c> and <c>/kontakt.json</c>. A number
/// is published only when it is marked public where it is given (the directory) and the policy's
/// number plan, if it has the number, says public too; extensions never are. Pure.
/// </summary>
public static class ContactPageBuilder
{
    /// <summary>The area of departments outside any area.</summary>
    public const string OtherArea = "Øvrige";

    private static readonly StringComparer DanishOrder = StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), CompareOptions.None);

    /// <param name="now">The moment; taken to the whole minute, as the hours are.</param>
    public static ContactPage Build(TelephonePolicy policy, StaffDirectory directory, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(directory);
        var instant = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var switchboard = policy.Switchboard;
        var mainNumbers = Published(policy, switchboard.Numbers.Where(n => n.Visibility == NumberVisibility.Public).Select(n => (n.Number, n.Visibility)));
        var main = new ContactUnit(switchboard.Id, switchboard.Name, mainNumbers, ContactSchedule.For(policy, switchboard, instant), []);
        var mainNumber = mainNumbers.Count > 0 ? mainNumbers[0] : Number(policy.MainNumber);
        return new ContactPage(
            policy.Organisation,
            instant,
            policy.ToLocal(instant),
            policy.TimeZone.Id,
            main,
            ContactAfterHoursBuilder.Build(policy, mainNumber, !main.Hours!.OpenNow, instant),
            Areas(policy, directory, instant));
    }

    /// <summary>A number as published: "54732010", "54 73 20 10", "tel:+4554732010".</summary>
    public static ContactNumber Number(string national) =>
        new(national, DanishNumber.Display(national), "tel:+45" + national);

    private static List<ContactArea> Areas(TelephonePolicy policy, StaffDirectory directory, DateTimeOffset instant)
    {
        var ids = directory.Departments.Keys.Concat(policy.Departments.Keys)
            .Where(id => id != StaffDirectory.SwitchboardId && id != policy.Switchboard.Id)
            .Distinct(StringComparer.Ordinal);
        var units = new List<(string? AreaId, ContactUnit Unit)>();
        foreach (var id in ids)
        {
            if (Unit(policy, directory, id, instant) is { } unit)
            {
                units.Add(unit);
            }
        }

        // Areas in the policy's order, then the directory's own by name, then those outside any area.
        var order = policy.Areas.Select(a => a.Id)
            .Concat(directory.Areas.Keys.Where(a => !policy.Areas.Any(p => p.Id == a)).OrderBy(a => directory.Areas[a].Name, DanishOrder))
            .ToList();
        return [.. units
            .GroupBy(u => u.AreaId is { } a && order.Contains(a) ? a : null)
            .OrderBy(g => g.Key is { } a ? order.IndexOf(a) : int.MaxValue)
            .Select(g => new ContactArea(g.Key, AreaName(policy, directory, g.Key), [.. g.Select(u => u.Unit).OrderBy(u => u.Name, DanishOrder)]))];
    }

    private static string AreaName(TelephonePolicy policy, StaffDirectory directory, string? id) =>
        id is null ? OtherArea
        : directory.Areas.TryGetValue(id, out var area) ? area.Name
        : policy.Areas.FirstOrDefault(a => a.Id == id)?.Name ?? id;

    /// <summary>A department with its public numbers and people, or null when it has none to publish.</summary>
    private static (string? AreaId, ContactUnit Unit)? Unit(TelephonePolicy policy, StaffDirectory directory, string id, DateTimeOffset instant)
    {
        directory.Departments.TryGetValue(id, out var filed);
        policy.Departments.TryGetValue(id, out var unit);
        var numbers = Published(policy, (filed?.Numbers.Select(n => (n.Number, n.Visibility)) ?? [])
            .Concat(unit?.Numbers.Select(n => (n.Number, n.Visibility)) ?? []));
        var people = People(policy, directory, id, unit);
        if (numbers.Count == 0 && people.Count == 0)
        {
            return null;
        }

        var name = filed?.Name ?? unit?.Name ?? id;
        var hours = unit is null ? null : ContactSchedule.For(policy, unit, instant);
        return (filed?.AreaId ?? unit?.AreaId, new ContactUnit(id, name, numbers, hours, people));
    }

    /// <summary>The department's people with a public direct number: the directory's, and the policy's it does not know.</summary>
    private static List<ContactPerson> People(TelephonePolicy policy, StaffDirectory directory, string departmentId, PolicyDepartment? unit)
    {
        var people = new List<ContactPerson>();
        foreach (var person in directory.PeopleIn(departmentId))
        {
            Add(person.Name, person.Title, Numbers(person));
        }

        foreach (var person in unit?.People ?? [])
        {
            if (directory.FindByExtension(person.Extension) is null)
            {
                Add(person.Name, person.Title, person.Numbers.Select(n => (n.Number, n.Visibility)));
            }
        }

        return [.. people.OrderBy(p => p.Name, DanishOrder)];

        void Add(string name, string? title, IEnumerable<(string Number, NumberVisibility Visibility)> numbers)
        {
            var published = Published(policy, numbers);
            if (published.Count > 0)
            {
                people.Add(new ContactPerson(name, title, published));
            }
        }
    }

    private static IEnumerable<(string Number, NumberVisibility Visibility)> Numbers(DirectoryPerson person) =>
        person.DirectNumbers.Select(n => (n.Number, n.Visibility));

    /// <summary>The numbers that may be published, once each, in the order given.</summary>
    private static List<ContactNumber> Published(TelephonePolicy policy, IEnumerable<(string Number, NumberVisibility Visibility)> numbers) =>
        [.. numbers.Where(n => IsPublic(policy, n.Number, n.Visibility)).Select(n => n.Number).Distinct(StringComparer.Ordinal).Select(Number)];

    /// <summary>
    /// Marked public where it is given, a Danish number (8 digits, never an extension), and not
    /// given another visibility by the policy's number plan: the policy in force has the last word,
    /// also in the moment before a reloaded policy's directory is rebuilt.
    /// </summary>
    private static bool IsPublic(TelephonePolicy policy, string number, NumberVisibility visibility) =>
        visibility == NumberVisibility.Public
        && DanishNumber.TryParse(number, out var parsed) && parsed.National == number
        && (!policy.TryFindNumber(number, out var planned) || (planned.Visibility == NumberVisibility.Public && planned.Kind != NumberKind.Extension));
}
