using System.Globalization;
using Omstilling.Directory;
using Omstilling.Directory.Loading;
using Omstilling.Policy;
using Omstilling.Policy.Loading;
using Omstilling.Policy.Schedule;

namespace Omstilling.Web.Tests.Contact;

/// <summary>The bundled policy and directory (config/), loaded once (both are immutable), and Copenhagen wall-clock instants.</summary>
internal static class Bundled
{
    private static readonly Lazy<TelephonePolicy> LoadedPolicy = new(() =>
    {
        var result = PolicyLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "config", "guldborgsund.yaml"));
        Assert.True(result.Succeeded, result.Report());
        return result.Policy;
    });

    private static readonly Lazy<StaffDirectory> LoadedDirectory = new(() =>
    {
        var result = DirectoryLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "config", "guldborgsund-directory.yaml"), Policy);
        Assert.True(result.Succeeded, result.Report());
        return StaffDirectory.FromPolicy(Policy, result.File);
    });

    public static TelephonePolicy Policy => LoadedPolicy.Value;

    public static StaffDirectory Directory => LoadedDirectory.Value;

    /// <summary>"2026-12-24 10:00" in Copenhagen as an instant.</summary>
    public static DateTimeOffset At(string local) =>
        LocalTimeResolver.Resolve(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Policy.TimeZone).Instant;
}
