using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Omstilling.Host.Tests.Conventions;

/// <summary>
/// Every log line's event id is unique across the product and lies in its project's band
/// (docs/architecture.md), so an operator's filter on an id (fail2ban, alerting) finds one kind
/// of line. Two merged branches once both took 2030.
/// </summary>
public sealed class LogEventIdTests
{
    private static readonly Dictionary<string, (int From, int To)> Bands = new(StringComparer.Ordinal)
    {
        ["Omstilling.Sip"] = (1000, 1999),
        ["Omstilling.Calls"] = (2000, 2999),
        ["Omstilling.Media"] = (3000, 3999),
        ["Omstilling.Policy"] = (4000, 4999),
        ["Omstilling.Directory"] = (5000, 5499),
        ["Omstilling.Storage"] = (5500, 5999),
        ["Omstilling.Web"] = (6000, 6999),
        ["Omstilling.Runtime"] = (7000, 7999),
        ["Omstilling.History"] = (8000, 8999),
        ["omstilling"] = (9000, 9999),
        ["Omstilling.Simulator"] = (10000, 10999),
        ["Omstilling.Calendars"] = (5000, 5499),
    };

    [Fact]
    public void Every_logged_event_id_is_unique_and_in_its_projects_band()
    {
        var lines = LoggedEvents().ToList();
        Assert.True(lines.Count > 100, $"only {lines.Count} [LoggerMessage] methods found");

        var shared = lines.GroupBy(l => l.Id).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(l => l.Method))}").ToList();
        var outside = lines.Where(l => !Bands.TryGetValue(l.Assembly, out var band) || l.Id < band.From || l.Id > band.To)
            .Select(l => $"{l.Id} in {l.Assembly}: {l.Method}").ToList();

        Assert.True(shared.Count == 0, "event ids used twice:\n" + string.Join('\n', shared));
        Assert.True(outside.Count == 0, "event ids outside their project's band:\n" + string.Join('\n', outside));
    }

    private static IEnumerable<(int Id, string Assembly, string Method)> LoggedEvents()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        foreach (var assembly in ProductAssemblies())
        {
            foreach (var type in assembly.GetTypes())
            {
                foreach (var method in type.GetMethods(all))
                {
                    var attribute = method.GetCustomAttribute<LoggerMessageAttribute>();
                    if (attribute is not null)
                    {
                        yield return (attribute.EventId, assembly.GetName().Name!, $"{type.FullName}.{method.Name}");
                    }
                }
            }
        }
    }

    private static IEnumerable<Assembly> ProductAssemblies() =>
        System.IO.Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => Bands.ContainsKey(name!) || name!.StartsWith("Omstilling.", StringComparison.Ordinal) && !name.EndsWith(".Tests", StringComparison.Ordinal))
            .Select(name => Assembly.Load(new AssemblyName(name!)));
}
