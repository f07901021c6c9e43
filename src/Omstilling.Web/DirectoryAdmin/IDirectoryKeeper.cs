namespace Omstilling.Web.DirectoryAdmin;

/// <summary>
/// Where the running server's directory lives, as the web pages that change it need to know:
/// whether it may be changed here (it lives in the database), why not (it is read from a file),
/// and a way to have a change in use before the page answers. Thread-safe.
/// </summary>
public interface IDirectoryKeeper
{
    /// <summary>True when the directory lives in the database and the web may change it.</summary>
    bool IsEditable { get; }

    /// <summary>Why the directory cannot be changed here (in Danish, for the page), or null when it can.</summary>
    string? ReadOnlyReason { get; }

    /// <summary>Reads the stored directory now; completes when what was stored is in use.</summary>
    Task RefreshAsync(CancellationToken cancellationToken);
}
