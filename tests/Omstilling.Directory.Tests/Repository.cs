using Omstilling.Directory.Loading;
using Omstilling.Policy;
using Omstilling.Policy.Loading;

namespace Omstilling.Directory.Tests;

/// <summary>The repository's own files: the bundled policy and demo directory, loaded once (both immutable).</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Omstilling.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new FileNotFoundException("Omstilling.slnx not found above " + AppContext.BaseDirectory);
    });

    private static readonly Lazy<TelephonePolicy> LoadedPolicy = new(() =>
    {
        var result = PolicyLoader.LoadFile(Path.Combine(Root, "config", "guldborgsund.yaml"));
        Assert.True(result.Succeeded, result.Report());
        return result.Policy;
    });

    private static readonly Lazy<DirectoryLoadResult> LoadedDirectory = new(() =>
        DirectoryLoader.LoadFile(Path.Combine(Root, "config", "guldborgsund-directory.yaml"), Policy));

    private static readonly Lazy<StaffDirectory> Merged = new(() =>
    {
        Assert.True(DirectoryResult.Succeeded, DirectoryResult.Report());
        return StaffDirectory.FromPolicy(Policy, DirectoryResult.File);
    });

    /// <summary>The folder with Omstilling.slnx.</summary>
    public static string Root => RootPath.Value;

    /// <summary>config/guldborgsund.yaml.</summary>
    public static TelephonePolicy Policy => LoadedPolicy.Value;

    /// <summary>config/guldborgsund-directory.yaml loaded against the bundled policy.</summary>
    public static DirectoryLoadResult DirectoryResult => LoadedDirectory.Value;

    /// <summary>The bundled policy merged with the demo directory, as <c>omstilling run --demo</c> uses it.</summary>
    public static StaffDirectory Demo => Merged.Value;

    public static TimeZoneInfo Copenhagen => Policy.TimeZone;
}
