namespace Omstilling.Storage;

public enum StorageProvider
{
    /// <summary>An embedded SQLite file in the data directory.</summary>
    Sqlite,

    PostgreSql,
}
