using System.Collections.Immutable;
using Omstilling.Directory.Loading;

namespace Omstilling.Directory.Editing;

/// <summary>
/// The changes from one version of a directory to another, entry by entry (matched by id):
/// areas, then departments, then people, each in the order of the version they are in. What an
/// import previews and what the audit log records. Immutable.
/// </summary>
public sealed record DirectoryDiff(ImmutableArray<DirectoryChange> Changes)
{
    public bool IsEmpty => Changes.IsEmpty;

    /// <summary>How many entries of a kind are added, removed or changed.</summary>
    public int Count(DirectoryEntryKind kind, DirectoryChangeKind change) => Changes.Count(c => c.Kind == kind && c.Change == change);

    /// <summary>The changes from <paramref name="before"/> (null: nothing yet) to <paramref name="after"/>.</summary>
    public static DirectoryDiff Between(DirectoryFile? before, DirectoryFile after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var changes = ImmutableArray.CreateBuilder<DirectoryChange>();
        Compare(changes, DirectoryEntryKind.Area, before?.Areas ?? [], after.Areas, a => a.Id, a => a.Name, DirectoryYaml.Line, DirectoryYaml.ChangedKeys);
        Compare(changes, DirectoryEntryKind.Department, before?.Departments ?? [], after.Departments, d => d.Id, d => d.Name ?? d.Id, DirectoryYaml.Line, DirectoryYaml.ChangedKeys);
        Compare(changes, DirectoryEntryKind.Person, before?.People ?? [], after.People, p => p.Id, p => p.Name, DirectoryYaml.Line, DirectoryYaml.ChangedKeys);
        return new DirectoryDiff(changes.ToImmutable());
    }

    private static void Compare<T>(
        ImmutableArray<DirectoryChange>.Builder changes,
        DirectoryEntryKind kind,
        IReadOnlyList<T> before,
        IReadOnlyList<T> after,
        Func<T, string> id,
        Func<T, string> name,
        Func<T, string> line,
        Func<T, T, IReadOnlyList<string>> keys)
    {
        var old = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entry in before)
        {
            old.TryAdd(id(entry), entry);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in after)
        {
            var key = id(entry);
            if (!seen.Add(key))
            {
                continue;
            }

            if (!old.TryGetValue(key, out var earlier))
            {
                changes.Add(new DirectoryChange(kind, key, name(entry), DirectoryChangeKind.Added, null, line(entry), []));
            }
            else if (line(earlier) is var was && line(entry) is var now && was != now)
            {
                changes.Add(new DirectoryChange(kind, key, name(entry), DirectoryChangeKind.Changed, was, now, keys(earlier, entry)));
            }
        }

        foreach (var entry in before.Where(e => !seen.Contains(id(e))))
        {
            changes.Add(new DirectoryChange(kind, id(entry), name(entry), DirectoryChangeKind.Removed, line(entry), null, []));
        }
    }
}
