using System.CommandLine;
using System.CommandLine.Parsing;
using Omstilling.Storage;
using Omstilling.Storage.Users;

namespace Omstilling.Host.Cli;

/// <summary>
/// <c>omstilling users add|list|disable|enable|passwd|remove</c>: the web app's logins, in the same
/// database as <c>run</c> (<c>--data-dir</c>, <c>--database</c>). A password (add, passwd) is read
/// from OMSTILLING_USER_PASSWORD or the first line of standard input, never from the command line
/// (it would show in <c>ps</c>). Disabling or removing the last enabled administrator is refused.
/// Exit codes: 0 done, 1 refused (an unknown user, a name taken, the last administrator), 2 usage.
/// </summary>
internal static class UsersCommand
{
    public const int MinimumPasswordLength = UserStore.MinimumPasswordLength;

    public static async Task<int> RunAsync(ReadOnlyMemory<string> args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var dataDirectory = new Option<string>("--data-dir") { Description = "The server's data directory, whose embedded database holds the logins", DefaultValueFactory = _ => "data", Recursive = true };
        var database = new Option<string?>("--database") { Description = "PostgreSQL (postgres://... or Host=...) or a SQLite file, instead of the data directory's", Recursive = true };
        var roles = new Option<List<UserRole>>("--role") { Description = "operator, staff, department-head, admin (comma-separated)", Required = true, CustomParser = Roles };
        var extension = new Option<string?>("--extension") { Description = "The user's phone: the extension an operator's console controls, or a staff member's own" };
        var person = new Option<string?>("--person") { Description = "The directory person the user is (their messages)" };
        var department = new Option<string?>("--department") { Description = "For a department head: the department whose absence notices they post" };
        var displayName = new Option<string?>("--display-name") { Description = "The name shown on the web (default: NAME)" };
        var add = new Command("add", "A new login (password from OMSTILLING_USER_PASSWORD or standard input)") { Name(), roles, extension, person, department, displayName };
        var list = new Command("list", "The logins, one a line, tab-separated, after a header row");
        var disable = new Command("disable", "The user can no longer log in, and their open logins end") { Name() };
        var enable = new Command("enable", "The user can log in again") { Name() };
        var passwd = new Command("passwd", "A new password (from OMSTILLING_USER_PASSWORD or standard input)") { Name() };
        var remove = new Command("remove", "Removes the login (asks nothing)") { Name() };
        var root = new Command("users", "The web app's logins") { dataDirectory, database, add, list, disable, enable, passwd, remove };
        var parsed = CliInvocation.ParseUnder(root, args);
        if (parsed.Action is System.CommandLine.Help.HelpAction)
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        }

        var command = parsed.CommandResult.Command;
        var prefix = command == root ? "omstilling users" : $"omstilling users {command.Name}";
        IEnumerable<string> problems = parsed.Errors.Count > 0 ? parsed.Errors.Select(e => e.Message)
            : command == root ? ["add, list, disable, enable, passwd or remove?"]
            : [];
        if (problems.Any())
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"{prefix}: {problem}");
            }

            await error.WriteLineAsync("omstilling users --help lists the commands and options.");
            return 2;
        }

        DatabaseOptions storage;
        try
        {
            storage = parsed.GetValue(database) is { } db ? DatabaseOptions.Parse(db) : DatabaseOptions.EmbeddedIn(parsed.GetValue(dataDirectory)!);
        }
        catch (FormatException e)
        {
            await error.WriteLineAsync($"{prefix}: --database: {e.Message}");
            return 2;
        }

        string? password = null;
        if (command == add || command == passwd)
        {
            password = Environment.GetEnvironmentVariable("OMSTILLING_USER_PASSWORD") ?? await input.ReadLineAsync(cancellationToken);
            if (password is null || password.Length < MinimumPasswordLength)
            {
                await error.WriteLineAsync($"{prefix}: the password (OMSTILLING_USER_PASSWORD or standard input) must have at least {MinimumPasswordLength} characters");
                return 2;
            }
        }

        var opened = new OmstillingDatabase(storage);
        await opened.MigrateAsync(cancellationToken);
        var users = new UserStore(opened, TimeProvider.System);
        var name = command == root || command == list ? "" : parsed.GetValue<string>("NAME")!;
        switch (command.Name)
        {
            case "list":
                await output.WriteAsync(List(await users.ListAsync(cancellationToken)));
                return 0;
            case "add":
                var user = new NewUser(name, parsed.GetValue(displayName) ?? name, parsed.GetValue(roles)!, password!)
                {
                    Extension = parsed.GetValue(extension),
                    PersonId = parsed.GetValue(person),
                    DepartmentId = parsed.GetValue(department),
                };
                if (await users.CreateAsync(user, cancellationToken))
                {
                    await output.WriteLineAsync($"User '{name}' created.");
                    return 0;
                }

                await error.WriteLineAsync($"{prefix}: '{name}' exists already");
                return 1;
            case "disable":
                return await ReportAsync(await users.DisableAsync(name, cancellationToken), $"User '{name}' disabled.");
            case "enable":
                return await ReportAsync(await users.EnableAsync(name, cancellationToken), $"User '{name}' enabled.");
            case "passwd":
                return await ReportAsync(await users.SetPasswordAsync(name, password!, cancellationToken), $"Password of '{name}' changed.");
            case "remove":
                return await ReportAsync(await users.RemoveAsync(name, cancellationToken), $"User '{name}' removed.");
            case var other:
                throw new System.Diagnostics.UnreachableException($"'users {other}' passed the parser");
        }

        async Task<int> ReportAsync(UserChange change, string done)
        {
            switch (change)
            {
                case UserChange.Done:
                    await output.WriteLineAsync(done);
                    return 0;
                case UserChange.Unknown:
                    await error.WriteLineAsync($"{prefix}: there is no user '{name}'");
                    return 1;
                case UserChange.LastAdmin:
                    await error.WriteLineAsync($"{prefix}: '{name}' is the last enabled admin; enable or add another admin first");
                    return 1;
                default:
                    throw new System.Diagnostics.UnreachableException($"UserChange {change}");
            }
        }
    }

    /// <summary>
    /// The logins, tab-separated, after a header row: the roles as <c>--role</c> takes them and, for
    /// staff reading the list, by their Danish names as the web app shows them; the last column
    /// "enabled" or "disabled".
    /// </summary>
    public static string List(IReadOnlyList<WebUser> users)
    {
        var text = new System.Text.StringBuilder("NAME\tDISPLAY NAME\tROLES\tROLLER\tEXTENSION\tPERSON\tDEPARTMENT\tSTATUS\n");
        foreach (var user in users)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{user.UserName}\t{user.DisplayName}\t{string.Join(',', user.Roles.Select(RoleOption))}\t{Omstilling.Web.Admin.AdminText.Roles(user.Roles)}\t{user.Extension}\t{user.PersonId}\t{user.DepartmentId}\t{(user.Disabled ? "disabled" : "enabled")}\n");
        }

        return text.ToString();
    }

    /// <summary>The role as <c>--role</c> takes it.</summary>
    public static string RoleOption(UserRole role) => role switch
    {
        UserRole.Operator => "operator",
        UserRole.Staff => "staff",
        UserRole.DepartmentHead => "department-head",
        UserRole.Admin => "admin",
        _ => throw new System.Diagnostics.UnreachableException($"UserRole {role}"),
    };

    private static Argument<string> Name() => new("NAME") { Description = "The login name (case-insensitive)" };

    private static List<UserRole> Roles(ArgumentResult result)
    {
        var parsed = new List<UserRole>();
        foreach (var role in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
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
                result.AddError($"role '{role}' is not operator, staff, department-head or admin");
                return [];
            }

            parsed.Add(known.Value);
        }

        if (parsed.Count == 0)
        {
            result.AddError("--role needs at least one role");
        }

        return parsed;
    }
}
