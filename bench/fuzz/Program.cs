using System.Globalization;
using Omstilling.Fuzz;
using Omstilling.Fuzzing.Engine;
using Omstilling.Fuzzing.Targets;

// dotnet run -c Release --project bench/fuzz -- [target...] [--minutes 10] [--seed 1] [--executions N] [--out DIR] [--list]
// Every target (or those named) for --minutes each (default 10); prints executions, execs/s, crashes,
// hangs and peak memory per target. Exit code 1 when anything was found.
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var all = FuzzTargets.All();
if (options.List)
{
    foreach (var target in all)
    {
        Console.WriteLine($"{target.Name,-15} {target.Oracle}");
    }

    return 0;
}

var unknown = options.Targets.Where(n => all.All(t => t.Name != n)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"No such target: {string.Join(", ", unknown)}; there are: {string.Join(", ", all.Select(t => t.Name))}");
    return 2;
}

var chosen = options.Targets.Count == 0 ? all : [.. all.Where(t => options.Targets.Contains(t.Name))];
var runner = new FuzzRunner(TimeProvider.System);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Fuzzing {chosen.Count} target(s), {(options.Executions is { } n ? $"{n} executions" : $"{options.Minutes} min")} each, seed {options.Seed}; findings go to {options.FindingsDirectory}"));
Console.WriteLine(Report.Header);
var results = new List<FuzzResult>();
foreach (var target in chosen)
{
    var result = runner.Run(target, new FuzzOptions
    {
        Seed = options.Seed,
        Duration = options.Executions is null ? TimeSpan.FromMinutes(options.Minutes) : null,
        MaxExecutions = options.Executions,
        FindingsDirectory = options.FindingsDirectory,
    });
    results.Add(result);
    Report.SaveExtremes(result, options.FindingsDirectory);
    Console.WriteLine(Report.Line(result));
}

foreach (var finding in results.SelectMany(r => r.Findings.Select(f => (r.Target, Finding: f))))
{
    Console.WriteLine();
    Console.WriteLine($"[{finding.Target}] {finding.Finding}");
}

return results.All(r => r.Clean) ? 0 : 1;
