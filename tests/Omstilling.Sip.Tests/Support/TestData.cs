namespace Omstilling.Sip.Tests.Support;

/// <summary>Finds the reference data in ../shared/data beside the repository.</summary>
internal static class TestData
{
    public static string Rfc4475Directory { get; } = Path.Combine(SharedData(), "rfc4475");

    public static byte[] Rfc4475(string file) => File.ReadAllBytes(Path.Combine(Rfc4475Directory, file));

    /// <summary>Every torture message file named in the manifest.</summary>
    public static IEnumerable<string> Rfc4475Files() =>
        File.ReadLines(Path.Combine(Rfc4475Directory, "MANIFEST.tsv")).Skip(1).Select(l => l.Split('\t')[0]).Where(f => f.Length > 0);

    private static string SharedData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Omstilling.slnx")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                return Directory.Exists(shared)
                    ? shared
                    : throw new DirectoryNotFoundException($"The reference data is expected at {shared} (../shared/data beside the repository).");
            }
        }

        throw new DirectoryNotFoundException("Could not find the repository root (Omstilling.slnx) above " + AppContext.BaseDirectory);
    }
}
