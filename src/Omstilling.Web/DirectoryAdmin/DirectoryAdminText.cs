using Omstilling.Directory.Editing;
using Omstilling.Directory.Text;
using Omstilling.Storage.DirectoryRows;

namespace Omstilling.Web.DirectoryAdmin;

/// <summary>The directory's changes as staff read them, in Danish. Pure and thread-safe.</summary>
public static class DirectoryAdminText
{
    public static string Plural(DirectoryEntryKind kind) => kind switch
    {
        DirectoryEntryKind.Area => "Områder",
        DirectoryEntryKind.Department => "Afdelinger",
        DirectoryEntryKind.Person => "Medarbejdere",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a directory entry kind"),
    };

    /// <summary>"Ny medarbejder: Anne Sørensen (anne-soerensen)", "Ændret afdeling: Økonomi (oekonomi): emner".</summary>
    public static string Line(DirectoryChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var keys = change.Keys.Count > 0 ? ": " + string.Join(", ", change.Keys.Select(Key)) : "";
        return $"{What(change.Change, change.Kind)}: {change.Name} ({change.Id}){keys}";
    }

    /// <summary>"Fjernet medarbejder: bo-jensen".</summary>
    public static string Line(DirectoryAuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return $"{What(entry.Change, entry.Kind)}: {entry.EntryId}";
    }

    /// <summary>A head's change breaks a rule only IT can meet (a number, an extension, the policy's plan).</summary>
    public const string OnlyItCanFix = "Ændringen kan ikke gemmes, fordi vidensdatabasen så ville bryde en regel, som kun IT kan rette. Kontakt IT.";

    /// <summary>The local date and time, "5.12.2026 kl. 10.15".</summary>
    public static string When(DateTimeOffset at, TimeZoneInfo zone) => DanishTime.Full(at, zone);

    /// <summary>A key of the directory file as the page names it.</summary>
    public static string Key(string key) => key switch
    {
        "id" => "id",
        "name" => "navn",
        "title" => "titel",
        "department" => "afdeling",
        "area" => "område",
        "extension" => "lokalnummer",
        "email" => "e-mail",
        "mobile" => "mobil",
        "direct" => "direkte numre",
        "topics" => "emner",
        "covered-by" => "dækkes af",
        "calendar" => "kalender",
        var other => other, // a key added to the file format later is shown as written
    };

    private static string What(DirectoryChangeKind change, DirectoryEntryKind kind)
    {
        var noun = kind switch
        {
            DirectoryEntryKind.Area => "område",
            DirectoryEntryKind.Department => "afdeling",
            DirectoryEntryKind.Person => "medarbejder",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a directory entry kind"),
        };
        return change switch
        {
            DirectoryChangeKind.Added => (kind == DirectoryEntryKind.Area ? "Nyt " : "Ny ") + noun,
            DirectoryChangeKind.Removed => "Fjernet " + noun,
            DirectoryChangeKind.Changed => "Ændret " + noun,
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "not a directory change"),
        };
    }
}
