using System.Text;
using Omstilling.Policy;
using Omstilling.Policy.Loading;

namespace Omstilling.Fuzzing.Seeds;

/// <summary>The bundled policy and directory, and the broken policies the loader's tests use.</summary>
internal static class ConfigSeeds
{
    private static readonly Lazy<byte[][]> LoadedPolicies = new(() =>
    [
        File.ReadAllBytes(Repository.PathOf("config", "guldborgsund.yaml")),
        .. System.IO.Directory.GetFiles(Repository.PathOf("tests", "Omstilling.Policy.Tests", "BrokenPolicies"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes),
    ]);

    private static readonly Lazy<byte[][]> LoadedDirectories = new(() =>
    {
        var bundled = File.ReadAllBytes(Repository.PathOf("config", "guldborgsund-directory.yaml"));
        return [bundled, Encoding.UTF8.GetBytes(SmallDirectory)];
    });

    private static readonly Lazy<TelephonePolicy> LoadedPolicy = new(() =>
    {
        var result = PolicyLoader.LoadFile(Repository.PathOf("config", "guldborgsund.yaml"));
        return result.Policy ?? throw new InvalidOperationException("The bundled policy does not load:\n" + result.Report());
    });

    public static IReadOnlyList<byte[]> Policies => LoadedPolicies.Value;

    public static IReadOnlyList<byte[]> Directories => LoadedDirectories.Value;

    /// <summary>config/guldborgsund.yaml, which directory files are checked against.</summary>
    public static TelephonePolicy BundledPolicy => LoadedPolicy.Value;

    /// <summary>A directory of its own (no policy), with every kind of entry once: quick to load, so most mutations go here.</summary>
    private const string SmallDirectory =
        "areas:\n  borger:\n    name: Borger og Arbejdsmarked\n" +
        "departments:\n  pas:\n    name: Pas og kørekort\n    area: borger\n    topics: [pas, kørekort]\n    email: pas@example.dk\n" +
        "    direct:\n      - number: 54 73 29 99\n        visibility: partners\n" +
        "people:\n  - name: Anne Sørensen\n    id: anne-soerensen\n    department: pas\n    title: Sagsbehandler\n    extension: 2999\n" +
        "    topics: pas\n    email: anne@example.dk\n";
}
