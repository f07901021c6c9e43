using System.CommandLine;
using Omstilling.Policy.Loading;

namespace Omstilling.Host.Cli;

/// <summary>
/// <c>omstilling check FILE</c>: validates a policy and prints every problem as
/// <c>file:line:column: error|warning: what is wrong and what is expected</c>. Exit 0 when it can be
/// used (warnings allowed), 1 when it has errors, 2 for a bad command line.
/// </summary>
internal sealed class CheckCommand
{
    private readonly Argument<string> _file = new("FILE") { Description = "The telephone policy (YAML) to validate" };

    public CheckCommand()
    {
        Command = new Command("check", "Validate a telephone policy; prints file:line:column for every problem") { _file };
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult parsed, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var file = parsed.GetValue(_file)!;
        var result = PolicyLoader.LoadFile(file);
        foreach (var diagnostic in result.Diagnostics)
        {
            await (result.Succeeded ? output : error).WriteLineAsync(diagnostic.ToString());
        }

        var errors = result.Errors.Count();
        var warnings = result.Warnings.Count();
        await output.WriteLineAsync(result.Succeeded
            ? $"{file}: OK ({warnings} warning(s))"
            : $"{file}: {errors} error(s), {warnings} warning(s)");
        return result.Succeeded ? CliInvocation.Ok : CliInvocation.Failure;
    }
}
