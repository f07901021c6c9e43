namespace Omstilling.Sip.Tests.Support;

/// <summary>
/// Finds the reference data the repository carries in <c>tests/data</c> (see its README for where
/// each set comes from). Located from the repository root, so linked copies of this file in other
/// test projects and the fuzz benchmarks read the same bytes.
/// </summary>
internal static class TestData
{
    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "tests", "data");

    public static string Rfc4475Directory { get; } = Path.Combine(Directory, "rfc4475");

    public static byte[] Rfc4475(string file) => File.ReadAllBytes(Path.Combine(Rfc4475Directory, file));

    /// <summary>Every torture message file named in the manifest.</summary>
    public static IEnumerable<string> Rfc4475Files() =>
        File.ReadLines(Path.Combine(Rfc4475Directory, "MANIFEST.tsv")).Skip(1).Select(l => l.Split('\t')[0]).Where(f => f.Length > 0);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Omstilling.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Could not find the repository root (Omstilling.slnx) above " + AppContext.BaseDirectory);
    }
}
