using System.Text.Json;
using Omstilling.Sip.Auth;

namespace Omstilling.Host.Accounts;

/// <summary>
/// Accounts kept in <c>accounts.json</c> in the data directory: usernames with HA1 hashes only,
/// never passwords. The database takes this over with the storage layer.
/// </summary>
internal static class AccountFile
{
    public const string FileName = "accounts.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static IReadOnlyList<SipAccount> Load(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<SipAccount>>(File.ReadAllText(path), Json) ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid accounts file ({e.Message})", e);
        }
    }

    /// <summary>Writes atomically: a crash mid-write leaves the old file.</summary>
    public static void Save(string dataDirectory, IEnumerable<SipAccount> accounts)
    {
        System.IO.Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(accounts.OrderBy(a => a.Username, StringComparer.Ordinal), Json));
        File.Move(temp, path, overwrite: true);
    }
}
