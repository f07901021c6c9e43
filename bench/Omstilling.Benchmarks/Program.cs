using System.Globalization;
using BenchmarkDotNet.Running;
using Omstilling.Benchmarks;

// BenchmarkDotNet:        dotnet run -c Release --project bench/Omstilling.Benchmarks -- --filter '*'
// Registration memory:    dotnet run -c Release --project bench/Omstilling.Benchmarks -- registration-memory [phones]
if (args is ["registration-memory", ..])
{
    await RegistrationMemory.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(MessageBenchmarks).Assembly).Run(args);
