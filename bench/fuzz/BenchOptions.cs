using System.Globalization;

namespace Omstilling.Fuzz;

/// <summary>The command line: target names, then at most these options (kept this small on purpose).</summary>
internal sealed record BenchOptions(IReadOnlyList<string> Targets, double Minutes, int Seed, long? Executions, string FindingsDirectory, bool List)
{
    public const string Usage =
        "usage: dotnet run -c Release --project bench/fuzz -- [target...] [--minutes 10] [--seed 1] [--executions N] [--out DIR] [--list]";

    /// <summary>The options, or null when the command line is not understood.</summary>
    public static BenchOptions? Parse(string[] args)
    {
        var targets = new List<string>();
        var minutes = 10.0;
        var seed = 1;
        long? executions = null;
        var findings = Path.Combine(RepositoryRoot(), "bench", "fuzz", "findings");
        var list = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--minutes" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out minutes) && minutes > 0:
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed):
                    i++;
                    break;
                case "--executions" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    executions = n;
                    i++;
                    break;
                case "--out" when value is not null:
                    findings = Path.GetFullPath(value);
                    i++;
                    break;
                case "--list":
                    list = true;
                    break;
                case var name when !name.StartsWith('-'):
                    targets.Add(name);
                    break;
                default:
                    return null;
            }
        }

        return new BenchOptions(targets, minutes, seed, executions, findings, list);
    }

    /// <summary>The folder with Omstilling.slnx above the program: the command works from the repository root and from bench/fuzz alike.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Omstilling.slnx")))
            {
                return dir.FullName;
            }
        }

        return System.IO.Directory.GetCurrentDirectory();
    }
}
