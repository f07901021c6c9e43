using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omstilling.Host.Accounts;

/// <summary>
/// The phones' SIP accounts, kept in <c>accounts.json</c> in the data directory: usernames with
/// HA1 hashes only, never passwords. The running server reloads the file when it changes
/// (<see cref="AccountSync"/>); <c>omstilling phones</c> and the web page change it through
/// <see cref="Change{T}"/>, one writer at a time across processes.
/// </summary>
internal static class AccountFile
{
    public const string FileName = "accounts.json";

    /// <summary>How long a change waits for another process's change to finish before it gives up.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    public static IReadOnlyList<StoredAccount> Load(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            var accounts = JsonSerializer.Deserialize<List<StoredAccount>>(File.ReadAllText(path), Json) ?? [];
            foreach (var account in accounts)
            {
                _ = account.SrtpPolicy(); // a wrong word is refused with the file, not found at the account's first call
            }

            return accounts;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid accounts file ({e.Message})", e);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Writes atomically: a crash mid-write leaves the old file.</summary>
    public static void Save(string dataDirectory, IEnumerable<StoredAccount> accounts)
    {
        System.IO.Directory.CreateDirectory(dataDirectory);
        var path = PathIn(dataDirectory);
        Omstilling.Runtime.AtomicFile.WriteAllText(path, JsonSerializer.Serialize(accounts.OrderBy(a => a.Username, StringComparer.Ordinal), Json));
    }

    /// <summary>
    /// Reads the accounts, lets <paramref name="change"/> change the list, and writes it when it says
    /// so, holding <c>accounts.json.lock</c> throughout so that the command line and the server never
    /// write over each other's change.
    /// </summary>
    public static T Change<T>(string dataDirectory, Func<List<StoredAccount>, (T Result, bool Save)> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        System.IO.Directory.CreateDirectory(dataDirectory);
        using var held = Lock(PathIn(dataDirectory) + ".lock");
        var accounts = Load(dataDirectory).ToList();
        var (result, save) = change(accounts);
        if (save)
        {
            Save(dataDirectory, accounts);
        }

        return result;
    }

    /// <summary>An exclusive lock on <paramref name="path"/> (an advisory lock on Unix, which every writer here takes).</summary>
    private static FileStream Lock(string path)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockWait)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(25)); // Another process is changing the accounts: a change takes milliseconds.
            }
        }
    }
}
