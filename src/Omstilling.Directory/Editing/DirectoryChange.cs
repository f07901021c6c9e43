namespace Omstilling.Directory.Editing;

/// <summary>
/// One entry's change between two versions of the directory. <see cref="Before"/> and
/// <see cref="After"/> are the entry as its YAML line (<see cref="Loading.DirectoryYaml"/>), which
/// is also what the audit log keeps. Immutable.
/// </summary>
/// <param name="Name">The entry's name as staff read it (a person's or department's name, else the id).</param>
/// <param name="Keys">For a change, the keys whose values differ ("title", "topics"); empty otherwise.</param>
public sealed record DirectoryChange(DirectoryEntryKind Kind, string Id, string Name, DirectoryChangeKind Change, string? Before, string? After, IReadOnlyList<string> Keys);
