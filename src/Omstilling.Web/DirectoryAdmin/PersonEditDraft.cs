using Omstilling.Directory.Model;

namespace Omstilling.Web.DirectoryAdmin;

/// <summary>
/// What a department head may change about one of their people, as the form holds it: title,
/// e-mail, mobile, topics (comma-separated) and the colleagues who cover (in the department's
/// order; colleagues outside the department are kept as they were). Name, extension, department
/// and direct numbers stay IT's (an import), since phones and the number plan follow them.
/// Not thread-safe: one per form.
/// </summary>
public sealed class PersonEditDraft
{
    public PersonEditDraft(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        PersonId = person.Id;
        Title = person.Title ?? "";
        Email = person.Email ?? "";
        Mobile = person.Mobile ?? "";
        Topics = string.Join(", ", person.Topics);
        CoveredBy = [.. person.CoveredBy];
    }

    public string PersonId { get; }

    public string Title { get; set; }

    public string Email { get; set; }

    public string Mobile { get; set; }

    public string Topics { get; set; }

    /// <summary>The colleagues chosen, by id.</summary>
    public HashSet<string> CoveredBy { get; }

    /// <summary>The person with the form's values; <paramref name="colleagues"/> gives the order of the chosen ones.</summary>
    public Person ApplyTo(Person person, IEnumerable<Person> colleagues)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(colleagues);
        var inDepartment = colleagues.Select(c => c.Id).ToList();
        var outside = person.CoveredBy.Where(id => !inDepartment.Contains(id, StringComparer.Ordinal));
        return person with
        {
            Title = Blank(Title),
            Email = Blank(Email),
            Mobile = Blank(Mobile),
            Topics = [.. Topics.Split(',').Select(t => t.Trim()).Where(t => t.Length > 0)],
            CoveredBy = [.. outside.Concat(inDepartment.Where(CoveredBy.Contains))],
        };
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
