using Omstilling.Directory;

namespace Omstilling.History;

/// <summary>Who an extension was when an event was written: the person, their department and its area (what the directory said then).</summary>
public sealed record PartyInfo(string PersonId, string DepartmentId, string? AreaId)
{
    /// <summary>The person with <paramref name="extension"/> in <paramref name="directory"/>, or null when none has it.</summary>
    public static PartyInfo? Of(StaffDirectory directory, string? extension)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (string.IsNullOrEmpty(extension) || directory.FindByExtension(extension) is not { } person)
        {
            return null;
        }

        var area = directory.Departments.TryGetValue(person.DepartmentId, out var department) ? department.AreaId : null;
        return new PartyInfo(person.Id, person.DepartmentId, area);
    }

    /// <summary>
    /// <see cref="Of"/> for many events from one <paramref name="directory"/> (one batch of the
    /// history): each extension is looked up once, the same few phones' events share one answer.
    /// Not thread-safe.
    /// </summary>
    public static Func<string?, PartyInfo?> Resolver(StaffDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var known = new Dictionary<string, PartyInfo?>(StringComparer.Ordinal);
        return extension =>
        {
            if (string.IsNullOrEmpty(extension))
            {
                return null;
            }

            if (!known.TryGetValue(extension, out var party))
            {
                known[extension] = party = Of(directory, extension);
            }

            return party;
        };
    }
}
