using Omstilling.Storage;
using Omstilling.Storage.Users;

namespace Omstilling.Host.Cli;

/// <summary>
/// <c>omstilling users add NAME --role operator[,admin,...] [--extension 100] [--person ID]
/// [--department ID] [--display-name TEXT]</c> and <c>omstilling users list</c>: the web app's
/// logins, in the same database as <c>run</c> (<c>--data-dir</c>, <c>--database</c>). The password
/// is read from OMSTILLING_USER_PASSWORD or the first line of standard input, never from the
/// command line (it would show in <c>ps</c>).
/// </summary>
internal static class UsersCommand
{
    public const string Usage = """
        Usage: omstilling users add NAME --role ROLES [--extension EXT] [--person ID] [--department ID]
                                         [--display-name TEXT] [--data-dir PATH] [--database DB]
               omstilling users list [--data-dir PATH] [--database DB]
        ROLES: operator, staff, department-head, admin (comma-separated).
        The password comes from OMSTILLING_USER_PASSWORD or the first line of standard input.
        """;

    public static async Task<int> RunAsync(ReadOnlyMemory<string> args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var span = args.ToArray();
        if (span.Length == 0 || span[0] is not ("add" or "list"))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        string? name = null, roles = null, extension = null, person = null, department = null, display = null, dataDir = "data", db = null;
        for (var i = 1; i < span.Length; i++)
        {
            var arg = span[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (name is not null || span[0] != "add")
                {
                    await error.WriteLineAsync($"omstilling users: unexpected '{arg}'\n{Usage}");
                    return 2;
                }

                name = arg;
                continue;
            }

            if (i + 1 >= span.Length)
            {
                await error.WriteLineAsync($"omstilling users: {arg} needs a value\n{Usage}");
                return 2;
            }

            var value = span[++i];
            switch (arg)
            {
                case "--role": roles = value; break;
                case "--extension": extension = value; break;
                case "--person": person = value; break;
                case "--department": department = value; break;
                case "--display-name": display = value; break;
                case "--data-dir": dataDir = value; break;
                case "--database": db = value; break;
                default:
                    await error.WriteLineAsync($"omstilling users: unknown option '{arg}'\n{Usage}");
                    return 2;
            }
        }

        DatabaseOptions databaseOptions;
        try
        {
            databaseOptions = db is null ? DatabaseOptions.EmbeddedIn(dataDir) : DatabaseOptions.Parse(db);
        }
        catch (FormatException e)
        {
            await error.WriteLineAsync($"omstilling users: {e.Message}");
            return 2;
        }

        var database = new OmstillingDatabase(databaseOptions);
        await database.MigrateAsync(cancellationToken);
        var users = new UserStore(database, TimeProvider.System);
        if (span[0] == "list")
        {
            foreach (var user in await users.ListAsync(cancellationToken))
            {
                await output.WriteLineAsync($"{user.UserName}\t{user.DisplayName}\t{string.Join(',', user.Roles)}\t{user.Extension}\t{user.PersonId}\t{user.DepartmentId}");
            }

            return 0;
        }

        if (name is null || roles is null)
        {
            await error.WriteLineAsync($"omstilling users add: NAME and --role are needed\n{Usage}");
            return 2;
        }

        var parsed = new List<UserRole>();
        foreach (var role in roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            UserRole? known = role switch
            {
                "operator" => UserRole.Operator,
                "staff" => UserRole.Staff,
                "department-head" => UserRole.DepartmentHead,
                "admin" => UserRole.Admin,
                _ => null,
            };
            if (known is null)
            {
                await error.WriteLineAsync($"omstilling users add: role '{role}' is not operator, staff, department-head or admin");
                return 2;
            }

            parsed.Add(known.Value);
        }

        var password = Environment.GetEnvironmentVariable("OMSTILLING_USER_PASSWORD") ?? await input.ReadLineAsync(cancellationToken);
        if (string.IsNullOrEmpty(password) || password.Length < 8)
        {
            await error.WriteLineAsync("omstilling users add: the password (OMSTILLING_USER_PASSWORD or standard input) must have at least 8 characters");
            return 2;
        }

        var created = await users.CreateAsync(new NewUser(name, display ?? name, parsed, password) { Extension = extension, PersonId = person, DepartmentId = department }, cancellationToken);
        await (created ? output : error).WriteLineAsync(created ? $"User '{name}' created." : $"omstilling users add: '{name}' exists already");
        return created ? 0 : 1;
    }
}
