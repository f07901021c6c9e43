using Omstilling.Simulator.Running;

namespace Omstilling.Host.Cli;

/// <summary>
/// The operators' (and the staff's) SIP passwords for the simulator: read from a file of <c>EXTENSION PASSWORD</c>
/// lines (blank lines and <c>#</c> comments allowed), so they are not on the command line for
/// every local user to see; without a file, the demo's "demo" + extension.
/// </summary>
internal static class OperatorAccounts
{
    /// <summary>The demo's phones: the password is "demo" + extension (<c>run --demo</c>).</summary>
    public static IReadOnlyList<PhoneAccount> Demo(IEnumerable<string> extensions) => [.. extensions.Select(e => new PhoneAccount(e, "demo" + e))];

    public static IReadOnlyList<PhoneAccount> Read(FileInfo? file, IReadOnlyList<string> operators)
    {
        if (file is null)
        {
            return Demo(operators);
        }

        var passwords = Passwords(file);
        var missing = operators.Where(o => !passwords.ContainsKey(o)).ToList();
        return missing.Count > 0
            ? throw new InvalidDataException($"{file.FullName} has no password for operator(s) {string.Join(", ", missing)}")
            : [.. operators.Select(o => new PhoneAccount(o, passwords[o]))];
    }

    /// <summary>The accounts of those <paramref name="extensions"/> the file has a password for (all, with the demo's, without a file).</summary>
    public static IReadOnlyList<PhoneAccount> Known(FileInfo? file, IEnumerable<string> extensions)
    {
        if (file is null)
        {
            return Demo(extensions);
        }

        var passwords = Passwords(file);
        return [.. extensions.Where(passwords.ContainsKey).Select(e => new PhoneAccount(e, passwords[e]))];
    }

    private static Dictionary<string, string> Passwords(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new InvalidDataException($"{file.FullName} does not exist");
        }

        var passwords = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file.FullName))
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var parts = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                throw new InvalidDataException($"{file.FullName}:{lineNumber}: expected 'EXTENSION PASSWORD'");
            }

            passwords[parts[0]] = parts[1];
        }

        return passwords;
    }
}
