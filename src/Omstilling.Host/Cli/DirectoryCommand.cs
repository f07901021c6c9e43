using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Calendars.Graph;
using Omstilling.Directory.Editing;
using Omstilling.Directory.Loading;
using Omstilling.Directory.Loading.Accounts;
using Omstilling.Host.Directories;
using Omstilling.Policy.Loading;
using Omstilling.Storage;
using Omstilling.Storage.DirectoryRows;

namespace Omstilling.Host.Cli;

/// <summary>
/// <c>omstilling directory import FILE.csv|FILE.yaml [--apply]</c>, <c>directory sync-graph [--apply]</c>
/// (Microsoft 365's users, read as an import), <c>directory export</c> and
/// <c>directory log</c>: the staff directory kept in the database (docs/directory.md). An import
/// shows what would change (new, left, changed) and changes nothing unless told to apply it; a
/// file with errors is reported by line and column and nothing is applied. A running server
/// follows the database within seconds. Exit codes: 0 done, 1 refused (errors in the file, the
/// directory changed meanwhile, the database cannot be opened), 2 usage.
/// </summary>
internal static class DirectoryCommand
{
    public static Task<int> RunAsync(ReadOnlyMemory<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(args, output, error, Environment.GetEnvironmentVariable, null, cancellationToken);

    /// <param name="environment">Where the Graph credentials are read (<c>sync-graph</c>).</param>
    /// <param name="graphTokens">How Graph tokens are got; Microsoft Entra ID when null (tests give their own).</param>
    internal static async Task<int> RunAsync(ReadOnlyMemory<string> args, TextWriter output, TextWriter error, Func<string, string?> environment, Func<GraphOptions, IGraphTokenSource>? graphTokens, CancellationToken cancellationToken)
    {
        var dataDirectory = new Option<string>("--data-dir") { Description = "The server's data directory, whose embedded database holds the directory", DefaultValueFactory = _ => "data", Recursive = true };
        var database = new Option<string?>("--database") { Description = "PostgreSQL (postgres://... or Host=...) or a SQLite file, instead of the data directory's", Recursive = true };
        var policyFile = new Option<string?>("--policy") { Description = "The telephone policy the directory is checked against (default: the bundled one)", Recursive = true };
        var file = new Argument<string>("FILE") { Description = "A .csv file of people (the areas and departments stay) or a .yaml directory file (the whole directory)" };
        var apply = new Option<bool>("--apply") { Description = "Apply the changes (without it, they are only shown)" };
        var import = new Command("import", "Shows what importing the file would change; with --apply, changes it") { file, apply };
        var outputFile = new Option<string?>("--output") { Description = "Write to this file instead of standard output" };
        var export = new Command("export", "Writes the directory in the database as a YAML directory file") { outputFile };
        var limit = new Option<int>("--limit") { Description = "How many changes, newest first", DefaultValueFactory = _ => 50 };
        var log = new Command("log", "The audit log: who changed what, when, before and after") { limit };
        var syncApply = new Option<bool>("--apply") { Description = "Apply the changes (without it, they are only shown)" };
        var syncGraph = new Command("sync-graph", "Shows what Microsoft 365 (Graph /users) would change in the people; with --apply, changes it. Credentials from OMSTILLING_GRAPH_*") { syncApply };
        var root = new RootCommand("The staff directory kept in the database") { dataDirectory, database, policyFile, import, syncGraph, export, log };
        var parsed = root.Parse(args.ToArray());
        if (parsed.Action is System.CommandLine.Help.HelpAction)
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        }

        var command = parsed.CommandResult.Command;
        var prefix = command == root ? "omstilling directory" : $"omstilling directory {command.Name}";
        IEnumerable<string> problems = parsed.Errors.Count > 0 ? parsed.Errors.Select(e => e.Message)
            : command == root ? ["import, sync-graph, export or log?"]
            : command == log && parsed.GetValue(limit) < 1 ? ["--limit must be at least 1"]
            : [];
        if (problems.Any())
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"{prefix}: {problem}");
            }

            await error.WriteLineAsync("omstilling directory --help lists the commands and options.");
            return 2;
        }

        DatabaseOptions storage;
        try
        {
            storage = parsed.GetValue(database) is { } db ? DatabaseOptions.Parse(db) : DatabaseOptions.EmbeddedIn(parsed.GetValue(dataDirectory)!);
        }
        catch (FormatException e)
        {
            await error.WriteLineAsync($"{prefix}: --database: {e.Message}");
            return 2;
        }

        var store = new DirectoryStore(new OmstillingDatabase(storage), TimeProvider.System);
        try
        {
            await store.Database.MigrateAsync(cancellationToken);
            switch (command.Name)
            {
                case "import":
                    return await ImportAsync(store, parsed.GetValue(file)!, parsed.GetValue(apply), parsed.GetValue(policyFile), output, error, cancellationToken);
                case "sync-graph":
                    return await SyncGraphAsync(store, parsed.GetValue(syncApply), parsed.GetValue(policyFile), environment, graphTokens, output, error, cancellationToken);
                case "export":
                    return await ExportAsync(store, parsed.GetValue(outputFile), output, error, cancellationToken);
                case "log":
                    await output.WriteAsync(Log(await store.ChangesAsync(parsed.GetValue(limit), null, cancellationToken)));
                    return 0;
                case var other:
                    throw new System.Diagnostics.UnreachableException($"'directory {other}' passed the parser");
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or UnauthorizedAccessException or IOException)
        {
            await error.WriteLineAsync($"{prefix}: the database ({storage.Redacted}) cannot be used: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> ImportAsync(DirectoryStore store, string path, bool apply, string? policyPath, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var policy = PolicyLoader.LoadFile(policyPath ?? PolicyFiles.Default());
        if (!policy.Succeeded)
        {
            await error.WriteLineAsync(policy.Report());
            return 1;
        }

        var preview = await new DirectoryImport(store).PreviewFileAsync(path, policy.Policy!, cancellationToken);
        return await ShowAndApplyAsync(store, preview, apply, "omstilling directory import", output, error, cancellationToken);
    }

    /// <summary><c>directory sync-graph</c>: Microsoft 365's users as an import (docs/directory.md, "Sync from Microsoft 365").</summary>
    private static async Task<int> SyncGraphAsync(DirectoryStore store, bool apply, string? policyPath, Func<string, string?> environment, Func<GraphOptions, IGraphTokenSource>? graphTokens, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        const string prefix = "omstilling directory sync-graph";
        GraphDirectorySync? sync;
        try
        {
            sync = GraphDirectorySync.Create(environment, TimeProvider.System, NullLogger.Instance, graphTokens);
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync($"{prefix}: {e.Message}");
            return 1;
        }

        if (sync is null)
        {
            await error.WriteLineAsync($"{prefix}: {GraphDirectorySync.NotConfigured}");
            return 1;
        }

        using (sync)
        {
            var policy = PolicyLoader.LoadFile(policyPath ?? PolicyFiles.Default());
            if (!policy.Succeeded)
            {
                await error.WriteLineAsync(policy.Report());
                return 1;
            }

            DirectoryImportPreview preview;
            try
            {
                preview = await new DirectoryImport(store).PreviewAccountsAsync(sync.Source, sync.Departments, policy.Policy!, cancellationToken);
            }
            catch (DirectoryAccountSourceException e)
            {
                await error.WriteLineAsync($"{prefix}: {e.Message}; nothing was changed");
                return 1;
            }

            return await ShowAndApplyAsync(store, preview, apply, prefix, output, error, cancellationToken);
        }
    }

    /// <summary>Prints a preview's problems and changes, and applies it when told: the one tail of every import.</summary>
    private static async Task<int> ShowAndApplyAsync(DirectoryStore store, DirectoryImportPreview preview, bool apply, string prefix, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        foreach (var diagnostic in preview.Diagnostics)
        {
            await error.WriteLineAsync(diagnostic.ToString());
        }

        if (!preview.CanApply)
        {
            await error.WriteLineAsync($"{prefix}: {preview.Source} has errors (above); nothing was applied");
            return 1;
        }

        await output.WriteAsync(Preview(preview.Diff!));
        if (!apply)
        {
            await output.WriteLineAsync(preview.Diff!.IsEmpty ? "Nothing to change." : "Nothing was changed: run again with --apply to apply these changes.");
            return 0;
        }

        try
        {
            var (diff, revision) = await new DirectoryImport(store).ApplyAsync(preview, Environment.UserName, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Applied {diff.Changes.Length} changes: the directory is at revision {revision}."));
            return 0;
        }
        catch (DirectoryConflictException e)
        {
            await error.WriteLineAsync($"{prefix}: {e.Message}; run the command again");
            return 1;
        }
    }

    private static async Task<int> ExportAsync(DirectoryStore store, string? path, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(cancellationToken);
        if (stored.File is not { } file)
        {
            await error.WriteLineAsync("omstilling directory export: the database holds no directory yet (the server seeds it at its first start, or import one)");
            return 1;
        }

        var yaml = DirectoryYaml.Write(file, string.Create(CultureInfo.InvariantCulture, $"The staff directory at revision {stored.Revision}, exported by omstilling directory export.\nImport it again with: omstilling directory import FILE --apply"));
        if (path is null)
        {
            await output.WriteAsync(yaml);
        }
        else
        {
            await Omstilling.Runtime.AtomicFile.WriteAllTextAsync(path, yaml, cancellationToken);
        }

        return 0;
    }

    /// <summary>The changes, a summary line per kind, then one line each: + new, - left, ~ changed (with the keys).</summary>
    public static string Preview(DirectoryDiff diff)
    {
        var text = new System.Text.StringBuilder();
        foreach (var kind in Enum.GetValues<DirectoryEntryKind>())
        {
            text.Append(CultureInfo.InvariantCulture, $"{Plural(kind)}: {diff.Count(kind, DirectoryChangeKind.Added)} new, {diff.Count(kind, DirectoryChangeKind.Removed)} left, {diff.Count(kind, DirectoryChangeKind.Changed)} changed\n");
        }

        foreach (var change in diff.Changes)
        {
            var sign = change.Change switch
            {
                DirectoryChangeKind.Added => '+',
                DirectoryChangeKind.Removed => '-',
                DirectoryChangeKind.Changed => '~',
                _ => throw new System.Diagnostics.UnreachableException($"DirectoryChangeKind {change.Change}"),
            };
            var keys = change.Keys.Count > 0 ? ": " + string.Join(", ", change.Keys) : "";
            text.Append(CultureInfo.InvariantCulture, $"{sign} {change.Kind.ToString().ToLowerInvariant()} {change.Id} ({change.Name}){keys}\n");
        }

        return text.ToString();
    }

    private static string Log(IReadOnlyList<DirectoryAuditEntry> entries)
    {
        var text = new System.Text.StringBuilder("ID\tAT\tACTOR\tSOURCE\tCHANGE\tKIND\tENTRY\tBEFORE\tAFTER\n");
        foreach (var entry in entries)
        {
            text.Append(CultureInfo.InvariantCulture, $"{entry.Id}\t{entry.At.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\t{entry.Actor}\t{entry.Source}\t{entry.Change.ToString().ToLowerInvariant()}\t{entry.Kind.ToString().ToLowerInvariant()}\t{entry.EntryId}\t{entry.Before}\t{entry.After}\n");
        }

        return text.ToString();
    }

    private static string Plural(DirectoryEntryKind kind) => kind switch
    {
        DirectoryEntryKind.Area => "Areas",
        DirectoryEntryKind.Department => "Departments",
        DirectoryEntryKind.Person => "People",
        _ => throw new System.Diagnostics.UnreachableException($"DirectoryEntryKind {kind}"),
    };
}
