namespace Omstilling.Storage.Entities;

/// <summary>
/// The directory's audit log: one row per entry changed, with who, when, from where and the entry
/// before and after (as its YAML line). The highest <see cref="Id"/> is the directory's revision.
/// </summary>
public sealed class DirectoryChangeRecord
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Who: a web login's name, or the operating-system user of <c>omstilling directory import</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>From where: "web", "import &lt;file&gt;", "seed &lt;file&gt;".</summary>
    public required string Source { get; set; }

    /// <summary>The <c>DirectoryEntryKind</c> by name.</summary>
    public required string Kind { get; set; }

    public required string EntryId { get; set; }

    /// <summary>The <c>DirectoryChangeKind</c> by name.</summary>
    public required string Change { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }
}
