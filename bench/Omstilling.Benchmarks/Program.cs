using System.Globalization;
using BenchmarkDotNet.Running;
using Omstilling.Benchmarks;

// Every entry point, from the repository root (from this folder: dotnet run -c Release -- ARGS):
// BenchmarkDotNet:        dotnet run -c Release --project bench/Omstilling.Benchmarks -- --filter '*'
//   (a quick look: add --job short; --job dry --inProcess only checks that each one runs)
// Registration memory:    dotnet run -c Release --project bench/Omstilling.Benchmarks -- registration-memory [phones]
// Media timing under load: bench/media/load.sh (runs media-load prompts|bridged against a server)
// Console push latency:   bench/console/push.sh (runs console-push: N Chromium consoles, SIPp calls)
// History writing cost:   dotnet run -c Release --project bench/Omstilling.Benchmarks -- history-write [calls [writer]]
// A year's history report: dotnet run -c Release --project bench/Omstilling.Benchmarks -- history-year [calls]
// A directory CSV import: dotnet run -c Release --project bench/Omstilling.Benchmarks -- directory-import [people]
//   (these three on SQLite; also on PostgreSQL with OMSTILLING_BENCH_POSTGRES=$(scripts/test-postgres.sh start))
// Each is run at a tiny size by tests/Omstilling.Bench.Tests (part of ./test.sh); the latest full
// figures are in bench/RESULTS.md.
if (args is ["media-load", ..])
{
    return await Omstilling.Benchmarks.MediaLoad.MediaLoadRun.RunAsync(args);
}

if (args is ["console-push", ..])
{
    return await Omstilling.Benchmarks.ConsolePush.ConsolePushRun.RunAsync(args);
}

if (args is ["history-write", ..])
{
    await Omstilling.Benchmarks.History.HistoryWriteBench.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000, writerOnly: args is [_, _, "writer"]);
    return 0;
}

if (args is ["history-year", ..])
{
    await Omstilling.Benchmarks.History.HistoryYearBench.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
    return 0;
}

if (args is ["directory-import", ..])
{
    await Omstilling.Benchmarks.DirectoryImport.DirectoryImportBench.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000);
    return 0;
}

if (args is ["registration-memory", ..])
{
    await RegistrationMemory.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000);
    return 0;
}

// A benchmark that threw or could not be built fails the run (BenchmarkDotNet itself only prints it).
var summaries = BenchmarkSwitcher.FromAssembly(typeof(MessageBenchmarks).Assembly).Run(args).ToList();
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
