using System.CommandLine;
using Omstilling.Host.Cli.Settings;

namespace Omstilling.Host.Cli;

/// <summary>
/// The omstilling command line on System.CommandLine: every command's options declared once, help
/// generated from them (<c>omstilling --help</c>, <c>omstilling run --help</c>), completions through
/// the <c>[suggest]</c> directive (dotnet-suggest). Exit codes: 0 ok, 1 failure, 2 usage (an unknown
/// command or option, a bad value, a missing argument), the error on standard error with a hint to
/// <c>--help</c>. <c>report</c>, <c>simulate</c>, <c>users</c> and <c>phones</c> parse their own
/// arguments with System.CommandLine the same way.
/// </summary>
internal static class CommandLine
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(args, Console.In, output, error, RunCommandLine.ProcessEnvironment(), TimeProvider.System, cancellationToken);

    /// <summary>Runs the command <paramref name="args"/> names, with this environment and clock (the tests give their own).</summary>
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string> environment, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        switch (args.FirstOrDefault())
        {
            case "report":
                return await ReportCommand.RunAsync(args.AsMemory(1), output, error, cancellationToken);
            case "simulate":
                return await SimulateCommand.RunAsync(args.AsMemory(1), output, error, cancellationToken);
            case "users":
                return await UsersCommand.RunAsync(args.AsMemory(1), input, output, error, cancellationToken);
            case "phones":
                return await PhonesCommand.RunAsync(args.AsMemory(1), output, error, cancellationToken);
            case "directory":
                return await DirectoryCommand.RunAsync(args.AsMemory(1), output, error, cancellationToken);
            default:
                break;
        }

        var run = new Command("run", "Start the phone system: SIP on UDP and TCP, media, and the web server");
        var runOptions = new RunCommandLine(run);
        var check = new CheckCommand();
        var explain = new ExplainCommand(time);
        var prompts = new PromptsCommand();
        var config = new ConfigCommand(environment);
        var root = new RootCommand("Omstilling: a municipality's telephone policy as a running phone system")
        {
            run, check.Command, explain.Command, prompts.Command, config.Command,
            new Command("report", "The policy's goals against their targets, from the call history (docs/kpis.md)"),
            new Command("simulate", "Synthetic citizens and operators make a day of calls to a running server (docs/simulator.md)"),
            new Command("users", "The web app's logins: add, list, disable, enable, passwd, remove"),
            new Command("phones", "The phones' SIP accounts: add, list, passwd, remove"),
            new Command("directory", "The staff directory in the database: import (previewed, --apply), sync-graph (Microsoft 365), export, log (docs/directory.md)"),
        };
        var parsed = root.Parse(args);
        if (await CliInvocation.AnsweredAsync(parsed, output, error, cancellationToken) is { } answered)
        {
            return answered;
        }

        var command = parsed.CommandResult.Command;
        if (command == root)
        {
            await error.WriteLineAsync("omstilling: which command? omstilling --help lists them.");
            return CliInvocation.Usage;
        }

        if (command == run)
        {
            RunOptions options;
            try
            {
                options = runOptions.Configuration(parsed, environment).Build();
            }
            catch (UsageException e)
            {
                return await CliInvocation.UsageErrorAsync(parsed, e.Message, error);
            }

            return await RunCommand.RunAsync(options, cancellationToken);
        }

        return command.Name switch
        {
            "check" => await check.RunAsync(parsed, output, error),
            "explain" => await explain.RunAsync(parsed, output, error),
            "config" or "show" => await config.RunAsync(parsed, output, error),
            "prompts" or "generate" or "list" => await prompts.RunAsync(parsed, output, error, cancellationToken),
            var other => throw new System.Diagnostics.UnreachableException($"'{other}' passed the parser but has no handler"),
        };
    }
}
