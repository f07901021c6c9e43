using Omstilling.Directory.Loading;

namespace Omstilling.Storage.DirectoryRows;

/// <summary>The directory as the database holds it, and its revision (the audit log's last id; 0: never stored, <see cref="File"/> null).</summary>
public sealed record StoredDirectory(DirectoryFile? File, long Revision);
