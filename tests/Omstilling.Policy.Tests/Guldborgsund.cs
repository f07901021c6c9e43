using System.Globalization;
using Omstilling.Policy.Loading;
using Omstilling.Policy.Schedule;

namespace Omstilling.Policy.Tests;

/// <summary>The bundled policy, loaded once (it is immutable), and instants written as Copenhagen wall-clock time.</summary>
internal static class Guldborgsund
{
    public const string MainNumber = "54 73 10 00";
    public const string Borgerservice = "54 73 20 10";
    public const string District1 = "54 73 20 41";

    private static readonly Lazy<TelephonePolicy> Loaded = new(() =>
    {
        var result = PolicyLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "config", "guldborgsund.yaml"));
        Assert.True(result.Succeeded, result.Report());
        return result.Policy;
    });

    public static TelephonePolicy Bundled => Loaded.Value;

    /// <summary>"2026-01-13 10:00" in Copenhagen as an instant (unique times only; DST tests resolve themselves).</summary>
    public static DateTimeOffset At(string local)
    {
        var time = LocalTimeResolver.Resolve(Local(local), Bundled.TimeZone);
        Assert.Equal(LocalTimeKind.Unique, time.Kind);
        return time.Instant;
    }

    public static DateTime Local(string local) =>
        DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
