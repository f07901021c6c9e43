using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Omstilling.Directory.Editing;
using Omstilling.Directory.Loading;
using Omstilling.Storage.Bulk;
using Omstilling.Storage.Entities;

namespace Omstilling.Storage.DirectoryRows;

/// <summary>
/// The staff directory kept in the database (docs/directory.md): its areas, departments and people
/// as rows, replaced as a whole version at a time (an import, an edit applied to the version in
/// use), each change written with its audit row in the same transaction. The audit log's last id
/// is the directory's revision: a change prepared against an older revision is refused, and a
/// running server follows the revision. Thread-safe; writers are serialised by the database.
/// </summary>
public sealed class DirectoryStore(OmstillingDatabase database, TimeProvider time)
{
    /// <summary>What <see cref="StoredDirectory"/> files name as their source.</summary>
    public const string SourceName = "(the directory in the database)";

    /// <summary>The database the directory is kept in.</summary>
    public OmstillingDatabase Database => database;

    /// <summary>The directory as stored, with its revision.</summary>
    public async Task<StoredDirectory> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var revision = await RevisionAsync(db, cancellationToken);
        if (revision == 0)
        {
            return new StoredDirectory(null, 0);
        }

        var areas = await db.DirectoryAreas.AsNoTracking().ToListAsync(cancellationToken);
        var departments = await db.DirectoryDepartments.AsNoTracking().ToListAsync(cancellationToken);
        var people = await db.DirectoryPeople.AsNoTracking().ToListAsync(cancellationToken);
        return new StoredDirectory(DirectoryRowMapping.ToFile(SourceName, areas, departments, people), revision);
    }

    /// <summary>The revision: the last change's id, 0 when nothing was ever stored.</summary>
    public async Task<long> RevisionAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        return await RevisionAsync(db, cancellationToken);
    }

    /// <summary>
    /// Makes <paramref name="incoming"/> the directory: adds, removes and changes rows so that the
    /// stored directory equals it, and writes an audit row for every entry changed, all in one
    /// transaction. With <paramref name="expectedRevision"/>, refuses (writing nothing) when the
    /// directory has changed since. Returns what changed and the new revision.
    /// </summary>
    /// <exception cref="DirectoryConflictException">The revision is not the expected one.</exception>
    public async Task<(DirectoryDiff Diff, long Revision)> ApplyAsync(DirectoryFile incoming, string actor, string source, long? expectedRevision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        await using var db = database.CreateContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (database.Options.Provider == StorageProvider.PostgreSql)
        {
            // Two writers at once would both see the same revision; the lock makes the second wait.
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE directory_changes IN EXCLUSIVE MODE", cancellationToken);
        }

        var revision = await RevisionAsync(db, cancellationToken);
        if (expectedRevision is { } expected && expected != revision)
        {
            throw new DirectoryConflictException(expected, revision);
        }

        var areas = await db.DirectoryAreas.ToDictionaryAsync(a => a.Id, StringComparer.Ordinal, cancellationToken);
        var departments = await db.DirectoryDepartments.ToDictionaryAsync(d => d.Id, StringComparer.Ordinal, cancellationToken);
        var people = await db.DirectoryPeople.ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, cancellationToken);
        var current = revision == 0 ? null : DirectoryRowMapping.ToFile(SourceName, areas.Values, departments.Values, people.Values);
        var diff = DirectoryDiff.Between(current, incoming);
        var newAreas = Write(db, areas, incoming.Areas, a => a.Id, DirectoryRowMapping.ToRecord, DirectoryRowMapping.Copy, r => r.Position, (r, p) => r.Position = p);
        var newDepartments = Write(db, departments, incoming.Departments, d => d.Id, DirectoryRowMapping.ToRecord, DirectoryRowMapping.Copy, r => r.Position, (r, p) => r.Position = p);
        var newPeople = Write(db, people, incoming.People, p => p.Id, DirectoryRowMapping.ToRecord, DirectoryRowMapping.Copy, r => r.Position, (r, p) => r.Position = p);
        var at = time.GetUtcNow();
        var audit = diff.Changes.Select(change => new DirectoryChangeRecord
            {
                At = at,
                Actor = Clip(actor, 100),
                Source = Clip(source, 300),
                Kind = change.Kind.ToString(),
                EntryId = change.Id,
                Change = change.Change.ToString(),
                Before = change.Before,
                After = change.After,
            }).ToList();

        // Changes and removals through EF; new rows and the audit in bulk (a first import is thousands).
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        await BulkInsert.InsertAsync(db, newAreas, cancellationToken);
        await BulkInsert.InsertAsync(db, newDepartments, cancellationToken);
        await BulkInsert.InsertAsync(db, newPeople, cancellationToken);
        await BulkInsert.InsertAsync(db, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (diff, diff.IsEmpty ? revision : await RevisionAsync(db, cancellationToken));
    }

    /// <summary>The audit log, newest first; with <paramref name="entryIds"/>, only those entries' changes.</summary>
    public async Task<IReadOnlyList<DirectoryAuditEntry>> ChangesAsync(int limit, IReadOnlyCollection<string>? entryIds, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var query = db.DirectoryChanges.AsNoTracking();
        if (entryIds is not null)
        {
            query = query.Where(c => entryIds.Contains(c.EntryId));
        }

        var rows = await query.OrderByDescending(c => c.Id).Take(Math.Clamp(limit, 1, 10_000)).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DirectoryAuditEntry(r.Id, r.At, r.Actor, r.Source, Parse<DirectoryEntryKind>(r.Kind), r.EntryId, Parse<DirectoryChangeKind>(r.Change), r.Before, r.After))];
    }

    /// <summary>
    /// Deletes the audit log's changes made before <paramref name="before"/> (the policy's
    /// <c>retention: directory-changes-days</c>), except the newest: its id is the directory's
    /// revision, which must never go back. Returns how many were deleted.
    /// </summary>
    public async Task<int> DeleteChangesBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var newest = await RevisionAsync(db, cancellationToken);
        return await db.DirectoryChanges.Where(c => c.At < before && c.Id < newest).ExecuteDeleteAsync(cancellationToken);
    }

    private static async Task<long> RevisionAsync(OmstillingDb db, CancellationToken cancellationToken) =>
        await db.DirectoryChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;

    /// <summary>Rows updated and removed so that the table holds <paramref name="incoming"/>, in its order; returns the rows to add.</summary>
    private static List<TRecord> Write<TEntry, TRecord>(
        OmstillingDb db,
        Dictionary<string, TRecord> rows,
        IReadOnlyList<TEntry> incoming,
        Func<TEntry, string> id,
        Func<TEntry, int, TRecord> create,
        Action<TEntry, TRecord> copy,
        Func<TRecord, int> position,
        Action<TRecord, int> setPosition)
        where TRecord : class
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var added = new List<TRecord>();
        for (var i = 0; i < incoming.Count; i++)
        {
            var entry = incoming[i];
            if (!kept.Add(id(entry)))
            {
                throw new UnreachableException($"The directory to store has '{id(entry)}' twice; it was checked before it came here.");
            }

            if (rows.TryGetValue(id(entry), out var row))
            {
                copy(entry, row);
                if (position(row) != i)
                {
                    setPosition(row, i);
                }
            }
            else
            {
                added.Add(create(entry, i));
            }
        }

        foreach (var (key, row) in rows)
        {
            if (!kept.Contains(key))
            {
                db.Remove(row);
            }
        }

        return added;
    }

    private static T Parse<T>(string value)
        where T : struct, Enum => Enum.TryParse<T>(value, out var parsed) ? parsed : throw new InvalidOperationException($"The audit log has '{value}', not a {typeof(T).Name}.");

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
