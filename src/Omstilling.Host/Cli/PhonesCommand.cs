using System.CommandLine;
using Omstilling.Calls;
using Omstilling.Host.Accounts;
using Omstilling.Web.Admin;

namespace Omstilling.Host.Cli;

/// <summary>
/// <c>omstilling phones add|list|passwd|remove</c>: the phones' SIP accounts, one per extension, in
/// the data directory's <c>accounts.json</c> that <c>run</c> reads and follows while it runs. The
/// password (add, passwd) is made by the platform and printed once; only its HA1 hashes are kept.
/// Kept apart from <c>users</c> (the web's logins): a phone has no role, no name to log in with and
/// no password a person chooses, and it lives where the SIP stack reads it.
/// Exit codes: 0 done, 1 refused (an extension with an account already, one without), 2 usage.
/// </summary>
internal static class PhonesCommand
{
    public static async Task<int> RunAsync(ReadOnlyMemory<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var dataDirectory = new Option<string>("--data-dir") { Description = "The server's data directory, whose accounts.json holds the phones' accounts", DefaultValueFactory = _ => "data", Recursive = true };
        var person = new Option<string?>("--person") { Description = "The directory person whose phone it is (default: whoever has the extension)" };
        var add = new Command("add", "A SIP account for the extension; its password is printed once") { Extension(), person };
        var list = new Command("list", "The accounts, one a line, tab-separated, after a header row");
        var passwd = new Command("passwd", "A new SIP password, printed once; the phone's registrations end") { Extension() };
        var remove = new Command("remove", "Removes the account (asks nothing); the phone's registrations end") { Extension() };
        var root = new Command("phones", "The phones' SIP accounts") { dataDirectory, add, list, passwd, remove };
        var parsed = CliInvocation.ParseUnder(root, args);
        if (parsed.Action is System.CommandLine.Help.HelpAction)
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        }

        var command = parsed.CommandResult.Command;
        var prefix = command == root ? "omstilling phones" : $"omstilling phones {command.Name}";
        var extension = command == root || command == list ? "" : parsed.GetValue<string>("EXTENSION")!;
        IEnumerable<string> problems = parsed.Errors.Count > 0 ? parsed.Errors.Select(e => e.Message)
            : command == root ? ["add, list, passwd or remove?"]
            : extension.Length > 0 && !PhoneAccountFile.IsExtension(extension) ? [$"'{extension}' is not an extension (2 to 10 digits)"]
            : [];
        if (problems.Any())
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"{prefix}: {problem}");
            }

            await error.WriteLineAsync("omstilling phones --help lists the commands and options.");
            return 2;
        }

        var phones = new PhoneAccountFile(parsed.GetValue(dataDirectory)!, new PbxOptions().Realm);
        switch (command.Name)
        {
            case "list":
                await output.WriteAsync(List(phones.List()));
                return 0;
            case "add":
                return await ReportAsync(phones.Add(extension, parsed.GetValue(person)), $"Phone {extension} added. Its SIP password, shown only this once (only a hash of it is kept):");
            case "passwd":
                return await ReportAsync(phones.NewPassword(extension), $"New SIP password of {extension}, shown only this once (its registrations have ended):");
            case "remove":
                return await ReportAsync(new PhoneAccountResult(phones.Remove(extension), null), $"Phone {extension} removed; its registrations have ended.");
            case var other:
                throw new System.Diagnostics.UnreachableException($"'phones {other}' passed the parser");
        }

        async Task<int> ReportAsync(PhoneAccountResult result, string done)
        {
            switch (result.Change)
            {
                case PhoneAccountChange.Done:
                    await output.WriteLineAsync(done);
                    if (result.Password is { } password)
                    {
                        await output.WriteLineAsync(password);
                    }

                    return 0;
                case PhoneAccountChange.Unknown:
                    await error.WriteLineAsync($"{prefix}: there is no account for {extension}");
                    return 1;
                case PhoneAccountChange.Exists:
                    await error.WriteLineAsync($"{prefix}: {extension} has an account already (phones passwd {extension} gives it a new password)");
                    return 1;
                case PhoneAccountChange.NotAnExtension:
                    await error.WriteLineAsync($"{prefix}: '{extension}' is not an extension (2 to 10 digits)");
                    return 2;
                default:
                    throw new System.Diagnostics.UnreachableException($"PhoneAccountChange {result.Change}");
            }
        }
    }

    /// <summary>The accounts, tab-separated, after a header row; the person empty when the account is not linked to one.</summary>
    public static string List(IReadOnlyList<PhoneAccount> accounts)
    {
        var text = new System.Text.StringBuilder("EXTENSION\tPERSON\n");
        foreach (var account in accounts)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{account.Extension}\t{account.PersonId}\n");
        }

        return text.ToString();
    }

    private static Argument<string> Extension() => new("EXTENSION") { Description = "The extension the phone registers as (its SIP username)" };
}
