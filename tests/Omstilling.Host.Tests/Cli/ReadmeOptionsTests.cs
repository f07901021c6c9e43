using Omstilling.Host.Cli.Settings;

namespace Omstilling.Host.Tests.Cli;

/// <summary>The README's table of run's options is checked against the settings' declarations, so it cannot drift from them.</summary>
public sealed class ReadmeOptionsTests
{
    [Fact]
    public void The_readme_lists_every_option_of_run_with_its_value_and_default_and_nothing_else()
    {
        var readme = File.ReadAllLines(CliRunner.Repository("README.md"));
        var start = Array.FindIndex(readme, line => line == "## Options of `omstilling run`");
        Assert.True(start >= 0, "README.md has no section '## Options of `omstilling run`'");
        var rows = readme.Skip(start + 1).SkipWhile(line => !line.StartsWith('|')).TakeWhile(line => line.StartsWith('|')).Skip(2)
            .Select(line => line.Split(" | ").Select(cell => cell.Trim('|', ' ').Replace("`", "", StringComparison.Ordinal)).ToArray())
            .ToDictionary(cells => cells[0], cells => cells[1]);
        var declared = RunSettings.All.Where(s => s.Option is not null).ToDictionary(s => s.Usage, s => s.DefaultText);
        declared["--config <file>"] = RunCommandLine.ConfigDefault;

        Assert.Equal(declared.Keys.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var (usage, defaultText) in declared)
        {
            Assert.True(rows[usage] == defaultText, $"README: the default of {usage} is '{rows[usage]}'; declared: '{defaultText}'");
        }
    }
}
