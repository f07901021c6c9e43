namespace Omstilling.Bench.Tests.Support;

/// <summary>
/// The repository these tests were built in, and the Release builds of the benchmarks and the
/// server that the benchmarks' documented commands run (the scripts' --no-build uses them too).
/// </summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>bench/Omstilling.Benchmarks's Release build.</summary>
    public static string BenchmarksDll => Built("bench", "Omstilling.Benchmarks", "Omstilling.Benchmarks.dll");

    /// <summary>bench/fuzz's Release build.</summary>
    public static string FuzzDll => Built("bench", "fuzz", "Omstilling.Fuzz.dll");

    /// <summary>The server's Release build, as bench/sipp/load.sh --no-build and console-push look for it.</summary>
    public static string ServerDll => Built("src", "Omstilling.Host", "omstilling.dll");

    private static string Built(string folder, string project, string file)
    {
        var path = Path(folder, project, "bin", "Release", "net10.0", file);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is not built: the benchmarks run from Release builds (dotnet build Omstilling.slnx -c Release, as ./test.sh does).");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Omstilling.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("repository root (Omstilling.slnx) not found above " + AppContext.BaseDirectory);
    }
}
