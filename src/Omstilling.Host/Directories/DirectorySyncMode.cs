namespace Omstilling.Host.Directories;

/// <summary>What <c>run</c> does with Microsoft 365's users on its own (<c>--directory-sync</c>, docs/directory.md).</summary>
internal enum DirectorySyncMode
{
    /// <summary>Nothing: a sync is made by hand (<c>directory sync-graph</c>, the admin page). The default.</summary>
    Off,

    /// <summary>Every hour, what a sync would change is logged; nothing is written.</summary>
    Preview,

    /// <summary>Every hour, a sync without errors is applied, audited as any import.</summary>
    Apply,
}
