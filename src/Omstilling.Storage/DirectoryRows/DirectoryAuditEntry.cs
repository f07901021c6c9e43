using Omstilling.Directory.Editing;

namespace Omstilling.Storage.DirectoryRows;

/// <summary>One line of the directory's audit log: who changed which entry when, from where, and how (before and after as YAML lines).</summary>
public sealed record DirectoryAuditEntry(long Id, DateTimeOffset At, string Actor, string Source, DirectoryEntryKind Kind, string EntryId, DirectoryChangeKind Change, string? Before, string? After);
