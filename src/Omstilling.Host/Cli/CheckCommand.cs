using Omstilling.Policy.Loading;

namespace Omstilling.Host.Cli;

/// <summary>
/// <c>omstilling check FILE</c>: validates a policy and prints every problem as
/// <c>file:line:column: error|warning: what is wrong and what is expected</c>. Exit 0 when it can be
/// used (warnings allowed), 1 when it has errors, 2 for a bad command line.
/// </summary>
internal static class CheckCommand
{
    public static async Task<int> RunAsync(ReadOnlyMemory<string> args, TextWriter output, TextWriter error)
    {
        if (args.Length != 1 || args.Span[0].StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync("Usage: omstilling check FILE");
            return 2;
        }

        var result = PolicyLoader.LoadFile(args.Span[0]);
        foreach (var diagnostic in result.Diagnostics)
        {
            await (result.Succeeded ? output : error).WriteLineAsync(diagnostic.ToString());
        }

        var errors = result.Errors.Count();
        var warnings = result.Warnings.Count();
        await output.WriteLineAsync(result.Succeeded
            ? $"{args.Span[0]}: OK ({warnings} warning(s))"
            : $"{args.Span[0]}: {errors} error(s), {warnings} warning(s)");
        return result.Succeeded ? 0 : 1;
    }
}
