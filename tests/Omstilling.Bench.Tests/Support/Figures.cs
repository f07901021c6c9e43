using System.Globalization;
using System.Text.RegularExpressions;

namespace Omstilling.Bench.Tests.Support;

/// <summary>
/// Reads the figures a benchmark printed: a pattern with one group per number, the numbers in the
/// benchmarks' invariant format (thousands separated by commas). A missing line fails the test with
/// the whole output, so that a bench that stopped printing its figure is seen with what it printed.
/// </summary>
internal static class Figures
{
    /// <summary>The numbers of the first line matching <paramref name="pattern"/>.</summary>
    public static double[] Read(ProcessRunner.Result run, string pattern)
    {
        var match = Regex.Match(run.Output, pattern, RegexOptions.Multiline, TimeSpan.FromSeconds(5));
        Assert.True(match.Success, $"no line matching /{pattern}/ in the output:\n{run}");
        return [.. match.Groups.Cast<Group>().Skip(1).Select(g => Number(g.Value))];
    }

    /// <summary>The numbers of every line matching <paramref name="pattern"/>, one array per line.</summary>
    public static List<double[]> ReadAll(ProcessRunner.Result run, string pattern) =>
        [.. Regex.Matches(run.Output, pattern, RegexOptions.Multiline, TimeSpan.FromSeconds(5))
            .Select(m => m.Groups.Cast<Group>().Skip(1).Select(g => Number(g.Value)).ToArray())];

    /// <summary>The run ended by itself, with exit code 0.</summary>
    public static void Succeeded(ProcessRunner.Result run)
    {
        Assert.False(run.TimedOut, run.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    /// <summary>A number as printed: "1,234.5", "0.8", "NaN" (which no figure may be).</summary>
    public static double Number(string text) =>
        double.Parse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A plain number in a pattern (digits with thousands separators and decimals).</summary>
    public const string N = @"([0-9][0-9,]*(?:\.[0-9]+)?)";
}
