using System.CommandLine;
using System.CommandLine.Parsing;

namespace Omstilling.Host.Cli;

/// <summary>
/// What every command does with a parsed command line before its own work: help, the version and
/// completions are printed (exit 0); errors go to standard error, each after the command's name,
/// with a hint to <c>--help</c> (exit 2, a usage error).
/// </summary>
internal static class CliInvocation
{
    public const int Ok = 0;

    public const int Failure = 1;

    public const int Usage = 2;

    /// <summary>The exit code when the command line was answered or refused here; null when the command should run.</summary>
    public static async Task<int?> AnsweredAsync(ParseResult parsed, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        // The commands set no actions of their own: an action without errors is help, the version or completions.
        if (parsed.Errors.Count == 0 && parsed.Action is not null)
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }

        if (parsed.Errors.Count == 0)
        {
            return null;
        }

        var name = Name(parsed.CommandResult);
        foreach (var problem in parsed.Errors)
        {
            await error.WriteLineAsync($"{name}: {problem.Message}");
        }

        await error.WriteLineAsync($"{name} --help lists the options.");
        return Usage;
    }

    /// <summary>
    /// Parses <paramref name="args"/> (what follows the command's name) as <c>omstilling
    /// COMMAND ...</c>, so that the help and the errors name the whole command.
    /// </summary>
    public static ParseResult ParseUnder(Command command, ReadOnlyMemory<string> args) =>
        new RootCommand { command }.Parse([command.Name, .. args.Span]);

    /// <summary>Writes a problem found after parsing as a usage error, with the hint to <c>--help</c>.</summary>
    public static async Task<int> UsageErrorAsync(ParseResult parsed, string problem, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var name = Name(parsed.CommandResult);
        await error.WriteLineAsync($"{name}: {problem}");
        await error.WriteLineAsync($"{name} --help lists the options.");
        return Usage;
    }

    /// <summary>"omstilling prompts list": the command's path, whatever the executable is called.</summary>
    public static string Name(CommandResult command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var names = new List<string>();
        for (SymbolResult? result = command; result is CommandResult { Command: { } c } current; result = current.Parent)
        {
            names.Add(c is RootCommand ? "omstilling" : c.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
