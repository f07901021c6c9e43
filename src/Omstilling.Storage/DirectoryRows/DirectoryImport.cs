using System.Collections.Immutable;
using Omstilling.Directory.Loading;
using Omstilling.Directory.Loading.Accounts;
using Omstilling.Directory.Loading.Csv;
using Omstilling.Policy;
using Omstilling.Yaml;

namespace Omstilling.Storage.DirectoryRows;

/// <summary>
/// Imports a directory file into the database in two steps, as <c>omstilling directory import</c>
/// and the admin page do: <see cref="PreviewAsync"/> reads the file against the policy and the
/// stored directory and says what would change (new, left, changed), and
/// <see cref="ApplyAsync"/> writes exactly that, refused if the directory changed in between. A
/// YAML file is a whole directory; a CSV file is the people, with the stored areas and
/// departments kept; an account source (<see cref="PreviewAccountsAsync"/>) is synced onto the
/// stored people. Thread-safe.
/// </summary>
public sealed class DirectoryImport(DirectoryStore store)
{
    /// <summary>Reads a file by its extension (.csv, .yaml or .yml).</summary>
    public async Task<DirectoryImportPreview> PreviewFileAsync(string path, TelephonePolicy policy, CancellationToken cancellationToken)
    {
        return DirectoryFileText.TryRead(path, out var failed) is { } text
            ? await PreviewAsync(text, path, policy, cancellationToken)
            : new DirectoryImportPreview(path, failed.Diagnostics, null, null, 0);
    }

    /// <summary>Reads text whose format is told by <paramref name="name"/>'s extension; diagnostics name it.</summary>
    public async Task<DirectoryImportPreview> PreviewAsync(string text, string name, TelephonePolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(policy);
        var stored = await store.LoadAsync(cancellationToken);
        DirectoryLoadResult loaded;
        switch (Path.GetExtension(name).ToLowerInvariant())
        {
            case ".csv":
                loaded = CsvDirectoryReader.Load(text, name, stored.File, policy);
                break;
            case ".yaml" or ".yml":
                loaded = DirectoryLoader.Load(text, name, policy);
                break;
            default:
                return Failed(name, $"'{Path.GetFileName(name)}' is neither CSV nor YAML; expected a .csv file of people or a .yaml directory file");
        }

        return new DirectoryImportPreview(name, loaded.Diagnostics, loaded.File, loaded.File is { } file ? Directory.Editing.DirectoryDiff.Between(stored.File, file) : null, stored.Revision);
    }

    /// <summary>
    /// Reads an account source (Microsoft Graph <c>/users</c>) as a new version of the stored
    /// directory (<see cref="AccountDirectoryReader"/>) and says what would change; applied by
    /// <see cref="ApplyAsync"/> as any import, so the audit log names the source.
    /// </summary>
    /// <exception cref="DirectoryAccountSourceException">The source could not be read.</exception>
    public async Task<DirectoryImportPreview> PreviewAccountsAsync(IDirectoryAccountSource source, DepartmentNameMap departments, TelephonePolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(policy);
        var accounts = await source.ReadAsync(cancellationToken);
        var stored = await store.LoadAsync(cancellationToken);
        var loaded = AccountDirectoryReader.Load(accounts, source.Name, stored.File, policy, departments);
        return new DirectoryImportPreview(source.Name, loaded.Diagnostics, loaded.File, loaded.File is { } file ? Directory.Editing.DirectoryDiff.Between(stored.File, file) : null, stored.Revision);
    }

    /// <summary>Applies a preview that can be applied; <paramref name="actor"/> is who, for the audit log.</summary>
    /// <exception cref="DirectoryConflictException">The directory changed after the preview was made.</exception>
    public async Task<(Directory.Editing.DirectoryDiff Diff, long Revision)> ApplyAsync(DirectoryImportPreview preview, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preview);
        if (!preview.CanApply)
        {
            throw new InvalidOperationException("A directory file with errors cannot be applied.");
        }

        return await store.ApplyAsync(preview.Incoming!, actor, $"import {Path.GetFileName(preview.Source)}", preview.Revision, cancellationToken);
    }

    private static DirectoryImportPreview Failed(string path, string message) =>
        new(path, [new YamlDiagnostic(DiagnosticSeverity.Error, new SourceLocation(path, 1, 1), message)], null, null, 0);
}
