using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Omstilling.Policy;
using Omstilling.Policy.Loading;
using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;

namespace Omstilling.Benchmarks;

/// <summary>
/// Routing decisions on the bundled Guldborgsund policy. Target (issue #4): p99 under 5 µs and no
/// allocation beyond the decision itself (one object, ~200 B). The Max column bounds p99 from above.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class PolicyBenchmarks
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);

    private TelephonePolicy _policy = null!;
    private Menu _teknik = null!;
    private readonly DateTimeOffset _workingDay = new(2026, 1, 13, 10, 0, 0, Winter);
    private readonly DateTimeOffset _winterNight = new(2026, 1, 13, 23, 0, 0, Winter);
    private readonly DateTimeOffset _christmasEve = new(2026, 12, 24, 19, 0, 0, Winter);

    [GlobalSetup]
    public void Setup()
    {
        var result = PolicyLoader.LoadFile(FindBundledPolicy());
        _policy = result.Succeeded ? result.Policy : throw new InvalidOperationException(result.Report());
        _teknik = _policy.Menus["teknik-og-miljoe"];
    }

    /// <summary>Main number in hours: the switchboard queue.</summary>
    [Benchmark(Baseline = true)]
    public RoutingDecision MainNumberInHours() => _policy.Route("54731000", _workingDay, PolicyState.Staffed);

    /// <summary>Main number on 24 December: closing day, after-hours menu with its options resolved.</summary>
    [Benchmark]
    public RoutingDecision MainNumberOnChristmasEve() => _policy.Route("+45 54 73 10 00", _christmasEve, PolicyState.Staffed);

    /// <summary>Home-care district at night: closed, forwarded to the night phones' unit.</summary>
    [Benchmark]
    public RoutingDecision HomeCareDistrictAtNight() => _policy.Route("54 73 20 41", _winterNight, PolicyState.Staffed);

    /// <summary>A person's extension.</summary>
    [Benchmark]
    public RoutingDecision Extension() => _policy.Route("2011", _workingDay, PolicyState.Staffed);

    /// <summary>Key 5 (Snevagten) on a winter night: a value result, nothing allocated.</summary>
    [Benchmark]
    public MenuChoiceResult MenuChoiceSnevagten() => _policy.MenuChoice(_teknik, '5', _winterNight, PolicyState.Staffed);

    private static string FindBundledPolicy()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "config", "guldborgsund.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("config/guldborgsund.yaml not found above " + AppContext.BaseDirectory);
    }

    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig()
        {
            AddColumn(StatisticColumn.P95, StatisticColumn.Max);
        }
    }
}
