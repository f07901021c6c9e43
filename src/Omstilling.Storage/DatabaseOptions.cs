using System.Globalization;
using System.Text;

namespace Omstilling.Storage;

/// <summary>Which database and where. Immutable.</summary>
public sealed record DatabaseOptions(StorageProvider Provider, string ConnectionString)
{
    /// <summary>The embedded database in <paramref name="dataDirectory"/> (omstilling.db).</summary>
    public static DatabaseOptions EmbeddedIn(string dataDirectory) =>
        new(StorageProvider.Sqlite, $"Data Source={Path.Combine(dataDirectory, "omstilling.db")};Pooling=True");

    /// <summary>
    /// Reads the <c>--database</c> option: a <c>postgres://user:password@host:port/database</c> URL or
    /// an Npgsql connection string (<c>Host=...</c>) for PostgreSQL; a file name or a
    /// <c>Data Source=...</c> string for SQLite. Throws <see cref="FormatException"/> saying what is wrong.
    /// </summary>
    public static DatabaseOptions Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        text = text.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new(StorageProvider.PostgreSql, FromUrl(text));
        }

        if (text.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return new(StorageProvider.PostgreSql, text);
        }

        return text.Contains("Data Source=", StringComparison.OrdinalIgnoreCase)
            ? new(StorageProvider.Sqlite, text)
            : new(StorageProvider.Sqlite, $"Data Source={text};Pooling=True");
    }

    /// <summary>The connection string without its password, for logs and error messages.</summary>
    /// <summary>The SQLite database's file, or null (PostgreSQL, or an in-memory database).</summary>
    public string? DatabaseFile => Provider == StorageProvider.Sqlite
        && new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource is { Length: > 0 } source && source != ":memory:" ? source : null;

    public string Redacted => string.Join(';', ConnectionString.Split(';').Where(p => !p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase)));

    private static string FromUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"--database '{text}' is not a URL of the form postgres://user:password@host:5432/database");
        }

        var database = uri.AbsolutePath.Trim('/');
        if (database.Length == 0)
        {
            throw new FormatException($"--database '{text}' names no database (postgres://user:password@host:5432/database)");
        }

        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"Host={uri.Host};Port={(uri.Port > 0 ? uri.Port : 5432)};Database={Uri.UnescapeDataString(database)}");
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Append(CultureInfo.InvariantCulture, $";Username={Uri.UnescapeDataString(parts[0])}");
            if (parts.Length == 2)
            {
                builder.Append(CultureInfo.InvariantCulture, $";Password={Uri.UnescapeDataString(parts[1])}");
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder.Append(CultureInfo.InvariantCulture, $";{Uri.UnescapeDataString(kv[0])}={(kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "")}");
        }

        return builder.ToString();
    }
}
