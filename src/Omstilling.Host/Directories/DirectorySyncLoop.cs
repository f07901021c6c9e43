using System.Globalization;
using Microsoft.Extensions.Logging;
using Omstilling.Directory.Editing;
using Omstilling.Directory.Loading.Accounts;
using Omstilling.Policy;
using Omstilling.Storage.DirectoryRows;

namespace Omstilling.Host.Directories;

/// <summary>
/// The periodic sync from Microsoft 365 (<c>run --directory-sync preview|apply</c>; off by
/// default): every <see cref="Interval"/> on the injected clock, the users are previewed as an
/// import (<see cref="DirectoryImport.PreviewAccountsAsync"/>) and what would change is logged; in
/// <see cref="DirectorySyncMode.Apply"/> a preview without errors is applied as the actor
/// <see cref="Actor"/>, and the running server follows the new revision as after any import. A
/// failing round is logged and the next is tried at its time. Started once; disposed at stop.
/// </summary>
internal sealed partial class DirectorySyncLoop(DirectoryImport import, IDirectoryAccountSource source, DepartmentNameMap departments, Func<TelephonePolicy> policy, DirectorySyncMode mode, TimeProvider time, ILogger logger) : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Who the audit log says applied a periodic sync.</summary>
    public const string Actor = "microsoft365-sync";

    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public void Start() => _loop = RunAsync(_stop.Token);

    /// <summary>One round: preview, log, and apply when the mode says so. Returns the changes applied (0 when only previewed).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var preview = await import.PreviewAccountsAsync(source, departments, policy(), cancellationToken);
        var warnings = preview.Diagnostics.Length - preview.Errors.Count();
        if (!preview.CanApply)
        {
            LogRefused(logger, source.Name, preview.Errors.Count(), preview.Errors.First().ToString());
            return 0;
        }

        var diff = preview.Diff!;
        var summary = Summary(diff);
        switch (mode)
        {
            case DirectorySyncMode.Off:
                return 0;
            case DirectorySyncMode.Preview:
                LogPreviewed(logger, source.Name, summary, warnings);
                return 0;
            case DirectorySyncMode.Apply when diff.IsEmpty:
                LogPreviewed(logger, source.Name, summary, warnings);
                return 0;
            case DirectorySyncMode.Apply:
                var (applied, revision) = await import.ApplyAsync(preview, Actor, cancellationToken);
                LogApplied(logger, source.Name, summary, revision, warnings);
                return applied.Changes.Length;
            default:
                throw new System.Diagnostics.UnreachableException($"DirectorySyncMode {mode}");
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, time, cancellationToken);
                await RunOnceAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Whatever a round meets (Graph, the network, the database, a bug) is logged and the next round tried: the loop never ends early, and its stop never throws.
            catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                LogFailed(logger, source.Name, $"{e.GetType().Name}: {e.Message}");
            }
        }
    }

    /// <summary>"People: 1 new, 1 left, 2 changed", for the log.</summary>
    private static string Summary(DirectoryDiff diff) => string.Join("; ", Enum.GetValues<DirectoryEntryKind>()
        .Select(kind => string.Create(CultureInfo.InvariantCulture, $"{kind}: {diff.Count(kind, DirectoryChangeKind.Added)} new, {diff.Count(kind, DirectoryChangeKind.Removed)} left, {diff.Count(kind, DirectoryChangeKind.Changed)} changed")));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    [LoggerMessage(EventId = 9046, Level = LogLevel.Information, Message = "Directory sync from {Source} (preview only; apply on /vidensdatabase or with omstilling directory sync-graph --apply): {Summary}; {Warnings} warning(s)")]
    private static partial void LogPreviewed(ILogger logger, string source, string summary, int warnings);

    [LoggerMessage(EventId = 9047, Level = LogLevel.Information, Message = "Directory sync from {Source} applied: {Summary}; the directory is at revision {Revision}; {Warnings} warning(s)")]
    private static partial void LogApplied(ILogger logger, string source, string summary, long revision, int warnings);

    [LoggerMessage(EventId = 9048, Level = LogLevel.Warning, Message = "Directory sync from {Source} has {Errors} error(s), nothing applied; the first: {First}")]
    private static partial void LogRefused(ILogger logger, string source, int errors, string first);

    [LoggerMessage(EventId = 9049, Level = LogLevel.Warning, Message = "Directory sync from {Source} failed, tried again in an hour: {Reason}")]
    private static partial void LogFailed(ILogger logger, string source, string reason);
}
