using Omstilling.Host.Cli;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Cli;

/// <summary><c>omstilling check</c>, <c>explain</c> and <c>run --at</c>, as installers and scripts use them.</summary>
public sealed class PolicyCommandTests
{
    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private static string Repository(string path)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Omstilling.slnx")))
            {
                return Path.Combine(dir.FullName, path);
            }
        }

        throw new DirectoryNotFoundException("repository root not found");
    }

    [Fact]
    public async Task Check_accepts_the_bundled_guldborgsund_policy()
    {
        var (exit, output, _) = await RunAsync("check", Repository("config/guldborgsund.yaml"));

        Assert.Equal(0, exit);
        Assert.Contains("guldborgsund.yaml: OK", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_prints_file_line_and_column_of_what_is_wrong_and_fails()
    {
        var file = Repository("tests/Omstilling.Policy.Tests/BrokenPolicies/unknown-key.yaml");

        var (exit, _, error) = await RunAsync("check", file);

        Assert.Equal(1, exit);
        Assert.Contains($"{file}:8:3: error: unknown key 'hourz' in the switchboard; expected one of:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_on_christmas_eve_evening_gives_the_after_hours_menu_with_snow_watch()
    {
        var (exit, output, _) = await RunAsync("explain", "54 73 10 00", "--at", "2026-12-24 19:00");

        Assert.Equal(0, exit);
        Assert.Contains("Hovedomstillingen har lukket", output, StringComparison.Ordinal);
        Assert.Contains("Tast 1 for Teknik og Miljø", output, StringComparison.Ordinal);
        Assert.Contains("Snevagten", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_in_english_on_a_summer_night_says_the_snow_watch_key_is_invalid()
    {
        var (exit, output, _) = await RunAsync("explain", "+4554731000", "--at", "2026-07-01 22:00", "--lang", "en");

        Assert.Equal(0, exit);
        Assert.Contains("At 22:00", output, StringComparison.Ordinal);
        Assert.Contains("Key 5 (Snevagten) is not offered now", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_outbound_says_a_national_phone_may_not_call_abroad_and_exits_1()
    {
        var (exit, output, _) = await RunAsync("explain", "0046812345678", "--outbound", "national");

        Assert.Equal(1, exit);
        Assert.Equal("En telefon med rettigheden national må ikke ringe til 0046812345678 (numre i udlandet): Din telefon må ikke ringe til numre i udlandet. Tilladte mønstre: +45, +46, +47, +49.", output.Trim());
    }

    [Fact]
    public async Task Explain_outbound_says_an_international_phone_may_call_Sweden_and_what_the_trunk_is_sent()
    {
        var (exit, output, _) = await RunAsync("explain", "0046812345678", "--outbound", "international", "--lang", "en");

        Assert.Equal(0, exit);
        Assert.Equal("A phone with class of service international may call 0046812345678 (a number abroad) through the trunk; the trunk is sent +46812345678. Allowed patterns: +45, +46, +47, +49.", output.Trim());
    }

    [Theory]
    [InlineData("explain", "90123456", "--outbound", "premium")]
    [InlineData("explain", "54731000", "--at", "24-12-2026 19:00")]
    [InlineData("explain", "54731000", "--at", "2026-12-24 19:00", "--lang", "fr")]
    [InlineData("check")]
    public async Task Bad_command_lines_say_how_to_use_them(params string[] args)
    {
        var (exit, _, error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains("omstilling", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_without_at_explains_now_in_copenhagen()
    {
        var (exit, output, _) = await CliRunner.RunAsync("explain", "54 73 10 00");

        Assert.Equal(0, exit);
        Assert.Contains("24. december 2026", output, StringComparison.Ordinal);
        Assert.Contains("19:00", output, StringComparison.Ordinal);
        Assert.Contains("Hovedomstillingen har lukket", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_of_a_number_outside_the_plan_fails_and_suggests_the_nearest_numbers()
    {
        var (exit, output, error) = await CliRunner.RunAsync("explain", "54 73 10 01", "--at", "2026-12-01 10:00");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("54 73 10 01 is not in the number plan; the nearest numbers are 54 73 10 00, ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_at_starts_the_servers_clock_at_that_local_time()
    {
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-24 19:00");

        var explanation = await server.GetAsync("/api/explain?number=54731000");

        Assert.Contains("24. december 2026", explanation.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("har lukket", explanation.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal("Menu", explanation.GetProperty("decision").GetString());
        Assert.Contains("The clock starts at 2026-12-24T19:00:00+01:00", server.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d info: ", server.Output);
    }
}
