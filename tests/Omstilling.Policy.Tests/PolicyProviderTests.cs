using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Policy.Loading;
using Omstilling.Policy.Routing;
using Omstilling.Yaml;

namespace Omstilling.Policy.Tests;

/// <summary>Reloading: a valid file replaces the snapshot; an invalid one is rejected and the old one kept.</summary>
public sealed class PolicyProviderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("omstilling-policy-").FullName;

    private static string Bundled => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "guldborgsund.yaml"));

    private string Write(string text)
    {
        var path = Path.Combine(_directory, "policy.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_valid_change_is_in_force_when_reload_returns()
    {
        var path = Write(Bundled);
        Assert.True(PolicyProvider.TryCreate(path, NullLogger<PolicyProvider>.Instance, out var provider, out _));
        var before = provider.Current;
        TelephonePolicy? announced = null;
        provider.Changed += (_, policy) => announced = policy;

        Write(Bundled.Replace("organisation: Guldborgsund Kommune", "organisation: Guldborgsund Kommune (test)", StringComparison.Ordinal));
        var result = provider.TryReload(path);

        Assert.True(result.Applied);
        Assert.NotSame(before, provider.Current);
        Assert.Equal("Guldborgsund Kommune (test)", provider.Current.Organisation);
        Assert.Same(provider.Current, announced);
    }

    [Fact]
    public void An_invalid_change_is_rejected_with_its_errors_and_the_old_policy_kept()
    {
        var path = Write(Bundled);
        Assert.True(PolicyProvider.TryCreate(path, NullLogger<PolicyProvider>.Instance, out var provider, out _));
        var before = provider.Current;

        Write(Bundled.Replace("mon-wed: 08:00-15:00", "mon-wed: 08:00-15:00, 14:00-16:00", StringComparison.Ordinal));
        var result = provider.TryReload(path);

        Assert.False(result.Applied);
        Assert.Same(before, provider.Current);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(38, error.Location.Line);
        Assert.Contains("'14:00-16:00' overlaps '08:00-15:00'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_does_not_load_gives_no_provider()
    {
        Assert.False(PolicyProvider.TryCreate(Write("organisation: x"), NullLogger<PolicyProvider>.Instance, out var provider, out var result));
        Assert.Null(provider);
        Assert.NotEmpty(result.Errors);
    }

    [Fact]
    public void Concurrent_readers_always_see_a_whole_policy()
    {
        var path = Write(Bundled);
        Assert.True(PolicyProvider.TryCreate(path, NullLogger<PolicyProvider>.Instance, out var provider, out _));
        var instant = new DateTimeOffset(2026, 1, 13, 10, 0, 0, TimeSpan.FromHours(1));

        Parallel.For(0, 200, i =>
        {
            if (i % 20 == 0)
            {
                provider.TryReload(path);
            }

            Assert.Equal(DecisionKind.Queue, provider.Current.Route("54731000", instant, PolicyState.Staffed).Kind);
        });
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
