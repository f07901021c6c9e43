using System.Globalization;
using Omstilling.Fuzzing.Engine;

namespace Omstilling.Fuzz;

/// <summary>One line per target of a long run.</summary>
internal static class Report
{
    public const string Header =
        "target            executions   execs/s  crashes  hangs  peak RSS  peak heap  slowest  most alloc/exec  corpus  outcomes";

    public static string Line(FuzzResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Target,-15} {r.Executions,12:N0} {r.ExecutionsPerSecond,9:N0} {r.CrashingExecutions,8:N0} {r.Hangs.Count(),6} {Mib(r.PeakResidentBytes),9} {Mib(r.PeakManagedHeapBytes),10} {r.SlowestExecution.TotalMilliseconds,6:N0} ms {Mib(r.MostAllocatedByOneExecution),16} {r.CorpusSize,7:N0} {r.Outcomes,9:N0}");

    /// <summary>The slowest input and the one that allocated most, as <c>slowest.bin</c> and <c>most-allocating.bin</c> beside the findings.</summary>
    public static void SaveExtremes(FuzzResult result, string directory)
    {
        var folder = Path.Combine(directory, result.Target);
        System.IO.Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "slowest.bin"), result.SlowestInput);
        File.WriteAllBytes(Path.Combine(folder, "most-allocating.bin"), result.MostAllocatingInput);
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):N1} MiB");
}
