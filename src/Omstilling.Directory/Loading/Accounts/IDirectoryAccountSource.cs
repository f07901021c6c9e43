namespace Omstilling.Directory.Loading.Accounts;

/// <summary>Where user accounts are read from for a directory sync (Microsoft Graph <c>/users</c>). Thread-safe.</summary>
public interface IDirectoryAccountSource
{
    /// <summary>What diagnostics and the audit log call the source, "Microsoft 365".</summary>
    string Name { get; }

    /// <summary>Every account, in the source's order.</summary>
    /// <exception cref="DirectoryAccountSourceException">The source could not be read (the message says why, without secrets).</exception>
    Task<IReadOnlyList<DirectoryAccount>> ReadAsync(CancellationToken cancellationToken);
}
