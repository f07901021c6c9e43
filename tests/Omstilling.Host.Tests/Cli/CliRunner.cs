using Microsoft.Extensions.Time.Testing;
using Omstilling.Host.Cli;

namespace Omstilling.Host.Tests.Cli;

/// <summary>Runs <c>omstilling</c> in-process with an environment and a clock of the test's own, and keeps what it wrote.</summary>
internal static class CliRunner
{
    /// <summary>2026-12-24 19:00 in Copenhagen (UTC+1): after hours on Christmas Eve.</summary>
    public static readonly DateTimeOffset ChristmasEveEvening = new(2026, 12, 24, 18, 0, 0, TimeSpan.Zero);

    public static async Task<(int Exit, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, TextReader.Null, output, error, environment, new FakeTimeProvider(ChristmasEveEvening), CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    public static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>A path in the repository (the README, the bundled policy).</summary>
    public static string Repository(string path)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Omstilling.slnx")))
            {
                return Path.Combine(dir.FullName, path);
            }
        }

        throw new DirectoryNotFoundException("repository root not found");
    }
}
