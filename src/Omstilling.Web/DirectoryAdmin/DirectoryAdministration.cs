using System.Collections.Immutable;
using Omstilling.Directory.Loading;
using Omstilling.Directory.Loading.Accounts;
using Omstilling.Directory.Model;
using Omstilling.Policy;
using Omstilling.Storage.DirectoryRows;

namespace Omstilling.Web.DirectoryAdmin;

/// <summary>
/// What the web does to the directory kept in the database (docs/directory.md): an administrator
/// imports a file (previewed, then applied) and reads the audit log; a department head changes
/// their own department's people (title, e-mail, mobile, topics, who covers) and its topics. Every
/// change is a whole new version checked against the policy by the same rules as a file, applied
/// against the revision it was made from, written with its audit rows, and in use before the page
/// answers. Thread-safe.
/// </summary>
/// <param name="accounts">Microsoft 365's users for "Hent fra Microsoft 365" (docs/directory.md), or null when Graph is not configured.</param>
/// <param name="departmentNames">The administrator's map of the accounts' department names.</param>
public sealed class DirectoryAdministration(DirectoryStore store, PolicyProvider policies, IDirectoryKeeper keeper, IDirectoryAccountSource? accounts = null, DepartmentNameMap? departmentNames = null)
{
    private readonly DirectoryImport _import = new(store);

    /// <summary>The account source's name ("Microsoft 365") when the page may offer a sync, else null.</summary>
    public string? AccountSourceName => accounts?.Name;

    /// <summary>Where the directory lives, for the pages: null when it may be changed here, else why not (Danish).</summary>
    public string? ReadOnlyReason => keeper.IsEditable ? null : keeper.ReadOnlyReason ?? "Vidensdatabasen kan ikke ændres her.";

    /// <summary>What importing <paramref name="text"/> (a .csv or .yaml file by <paramref name="fileName"/>) would change.</summary>
    public Task<DirectoryImportPreview> PreviewAsync(string text, string fileName, CancellationToken cancellationToken) =>
        _import.PreviewAsync(text, fileName, policies.Current, cancellationToken);

    /// <summary>What syncing from the account source would change, previewed as an import and applied by <see cref="ApplyAsync"/>.</summary>
    /// <exception cref="DirectoryAccountSourceException">The source could not be read.</exception>
    public Task<DirectoryImportPreview> PreviewAccountsAsync(CancellationToken cancellationToken) =>
        accounts is null
            ? throw new InvalidOperationException("No account source is configured.")
            : _import.PreviewAccountsAsync(accounts, departmentNames ?? DepartmentNameMap.Empty, policies.Current, cancellationToken);

    /// <summary>Applies a preview; the directory in use is the new one when this completes.</summary>
    /// <exception cref="DirectoryConflictException">The directory changed after the preview.</exception>
    public async Task<int> ApplyAsync(DirectoryImportPreview preview, string actor, CancellationToken cancellationToken)
    {
        EnsureEditable();
        var (diff, _) = await _import.ApplyAsync(preview, actor, cancellationToken);
        await keeper.RefreshAsync(cancellationToken);
        return diff.Changes.Length;
    }

    /// <summary>The audit log, newest first; with ids, only those entries'.</summary>
    public Task<IReadOnlyList<DirectoryAuditEntry>> ChangesAsync(int limit, IReadOnlyCollection<string>? entryIds, CancellationToken cancellationToken) =>
        store.ChangesAsync(limit, entryIds, cancellationToken);

    /// <summary>The stored directory as a YAML directory file, or null when nothing is stored yet.</summary>
    public async Task<string?> ExportAsync(CancellationToken cancellationToken) =>
        (await store.LoadAsync(cancellationToken)).File is { } file ? DirectoryYaml.Write(file, "Vidensdatabasen, hentet fra Omstilling") : null;

    /// <summary>
    /// Changes one person as <paramref name="edit"/> says (a person only the policy knows is added
    /// to the stored directory with the change). Returns the problems, in Danish, when the result
    /// breaks a rule; nothing is written then.
    /// </summary>
    /// <exception cref="DirectoryConflictException">The directory changed meanwhile.</exception>
    public Task<IReadOnlyList<string>> EditPersonAsync(Person current, Func<Person, Person> edit, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(edit);
        return ChangeAsync(file =>
        {
            var stored = file.People.FirstOrDefault(p => p.Id == current.Id);
            var changed = edit(stored ?? current);
            return file with { People = stored is null ? file.People.Add(changed) : file.People.Replace(stored, changed) };
        }, actor, cancellationToken);
    }

    /// <summary>Sets a department's topics (a department only the policy knows is added to the stored directory with them).</summary>
    /// <exception cref="DirectoryConflictException">The directory changed meanwhile.</exception>
    public Task<IReadOnlyList<string>> SetDepartmentTopicsAsync(string departmentId, IReadOnlyList<string> topics, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topics);
        return ChangeAsync(file =>
        {
            var stored = file.Departments.FirstOrDefault(d => d.Id == departmentId);
            var changed = (stored ?? new DepartmentEntry(departmentId)) with { Topics = [.. topics] };
            return file with { Departments = stored is null ? file.Departments.Add(changed) : file.Departments.Replace(stored, changed) };
        }, actor, cancellationToken);
    }

    private async Task<IReadOnlyList<string>> ChangeAsync(Func<DirectoryFile, DirectoryFile> change, string actor, CancellationToken cancellationToken)
    {
        EnsureEditable();
        var stored = await store.LoadAsync(cancellationToken);
        var changed = change(stored.File ?? new DirectoryFile(DirectoryStore.SourceName, ImmutableArray<Area>.Empty, [], []));

        // The same rules as a file: the version is written as one and read back against the policy.
        var checkedFile = DirectoryLoader.Load(DirectoryYaml.Write(changed), DirectoryStore.SourceName, policies.Current);
        if (!checkedFile.Succeeded)
        {
            // Staff read Danish: each rule a head can meet has its own words; the rest is IT's (English in the CLI's import).
            return [.. checkedFile.Errors.Select(e => e.Danish ?? DirectoryAdminText.OnlyItCanFix).Distinct(StringComparer.Ordinal)];
        }

        await store.ApplyAsync(checkedFile.File, actor, "web", stored.Revision, cancellationToken);
        await keeper.RefreshAsync(cancellationToken);
        return [];
    }

    private void EnsureEditable()
    {
        if (!keeper.IsEditable)
        {
            throw new InvalidOperationException(ReadOnlyReason);
        }
    }
}
