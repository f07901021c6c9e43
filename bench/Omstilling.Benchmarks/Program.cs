using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Omstilling.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Omstilling.Benchmarks.MessageBenchmarks).Assembly).Run(args);
