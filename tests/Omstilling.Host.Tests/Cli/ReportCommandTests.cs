using System.Text.Json;
using Omstilling.History.Tests;
using Omstilling.Host.Cli;
using Omstilling.Storage;

namespace Omstilling.Host.Tests.Cli;

/// <summary><c>omstilling report</c> on a data directory holding the KPI documentation's worked example.</summary>
public sealed class ReportCommandTests : IAsyncLifetime
{
    private readonly string _data = System.IO.Directory.CreateTempSubdirectory("omstilling-report-").FullName;

    public async Task InitializeAsync()
    {
        var database = new OmstillingDatabase(DatabaseOptions.EmbeddedIn(_data));
        await database.MigrateAsync(CancellationToken.None);
        await using var db = database.CreateContext();
        db.CallRecords.AddRange(WorkedExample.Records());
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_data, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Json_gives_each_goal_with_target_value_numerator_and_denominator()
    {
        var (exit, output, error) = await RunAsync("report", "--from", "2026-12-03", "--to", "2026-12-03", "--format", "json", "--data-dir", _data);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(7, root.GetProperty("calls").GetInt32());
        AssertGoal(root.GetProperty("answeredWithinRingLimit"), 80, 83.3, 5, 6);
        AssertGoal(root.GetProperty("correctlyTransferred"), 90, 33.3, 1, 3);
        AssertGoal(root.GetProperty("satisfied"), 85, 50, 1, 2);
        Assert.Equal(1, root.GetProperty("abandoned").GetInt32());
    }

    [Fact]
    public async Task Json_and_the_table_carry_the_figures_beside_the_goals_and_the_staffing_view()
    {
        var (exit, output, error) = await RunAsync("report", "--from", "2026-12-03", "--to", "2026-12-03", "--format", "json", "--data-dir", _data);
        var (_, table, _) = await RunAsync("report", "--from", "2026-12-03", "--to", "2026-12-03", "--data-dir", _data);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("abandonment").GetProperty("numerator").GetInt32());
        Assert.Equal(7, root.GetProperty("abandonment").GetProperty("denominator").GetInt32());
        Assert.Equal(60, root.GetProperty("averageWaitBeforeGivingUpSeconds").GetDouble());
        Assert.Equal(71.4, root.GetProperty("serviceLevel").GetProperty("value").GetDouble());
        Assert.Equal(7, root.GetProperty("callsPerHour")[9].GetInt32());
        Assert.Equal(7, root.GetProperty("callsPerWeekday")[3].GetInt32());
        Assert.Equal("201", root.GetProperty("unansweredTransfers")[0].GetProperty("target").GetString());
        Assert.Equal(1, root.GetProperty("recalled").GetProperty("numerator").GetInt32());
        var nine = root.GetProperty("staffing")[9];
        Assert.Equal(7, nine.GetProperty("arrivalsPerDay").GetDouble());
        Assert.Equal(135.8, nine.GetProperty("averageHandlingSeconds").GetDouble());
        Assert.Equal(2, nine.GetProperty("operatorsNeeded").GetInt32());
        Assert.Equal(1, nine.GetProperty("operatorsAnswering").GetDouble());
        Assert.Contains("Bemanding", table, StringComparison.Ordinal);
        Assert.Contains("Serviceniveau (besvaret inden for 20 s af ventetiden): 71,4 % (5 af 7)", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_limits_the_calls_and_a_day_without_calls_has_no_values()
    {
        var (_, borgerservice, _) = await RunAsync("report", "--from", "2026-12-03", "--to", "2026-12-03", "--format", "json", "--department", "borgerservice", "--data-dir", _data);
        var (_, dayAfter, _) = await RunAsync("report", "--from", "2026-12-04", "--to", "2026-12-04", "--format", "json", "--data-dir", _data);

        using var department = JsonDocument.Parse(borgerservice);
        Assert.Equal(3, department.RootElement.GetProperty("calls").GetInt32());
        AssertGoal(department.RootElement.GetProperty("correctlyTransferred"), 90, 33.3, 1, 3);
        using var empty = JsonDocument.Parse(dayAfter);
        Assert.Equal(0, empty.RootElement.GetProperty("calls").GetInt32());
        Assert.Equal(JsonValueKind.Null, empty.RootElement.GetProperty("satisfied").GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task Csv_and_the_table_carry_the_same_figures()
    {
        var (_, csv, _) = await RunAsync("report", "--from", "2026-12-03", "--to", "2026-12-03", "--format", "csv", "--data-dir", _data);
        var (_, table, _) = await RunAsync("report", "--from", "2026-12-03", "--to", "2026-12-03", "--data-dir", _data);

        Assert.Equal(
            "goal,target,value,numerator,denominator,met\nansweredWithinRingLimit,80,83.3,5,6,true\ncorrectlyTransferred,90,33.3,1,3,false\nsatisfied,85,50,1,2,false\n",
            csv.ReplaceLineEndings("\n"));
        Assert.Contains("Besvaret inden for ringegrænsen", table, StringComparison.Ordinal);
        Assert.Contains("83,3", table, StringComparison.Ordinal);
        Assert.Contains("5 af 6", table, StringComparison.Ordinal);
        Assert.Contains("1 af 3", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "2026-12-03")]
    [InlineData("--from", "3/12/2026", "--to", "2026-12-03")]
    [InlineData("--from", "2026-12-04", "--to", "2026-12-03")]
    [InlineData("--from", "2026-12-03", "--to", "2026-12-03", "--format", "xml")]
    [InlineData("--from", "2026-12-03", "--to", "2026-12-03", "--colour")]
    [InlineData("--from", "2026-01-01", "--to", "2026-04-30")]
    public async Task A_bad_command_line_is_a_usage_error(params string[] args)
    {
        var (exit, output, error) = await RunAsync(["report", .. args, "--data-dir", _data]);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith("omstilling report: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_is_generated_from_the_options()
    {
        var (exit, output, _) = await RunAsync("report", "--help");

        Assert.Equal(0, exit);
        foreach (var option in new[] { "--from", "--to", "--department", "--format", "--data-dir", "--database", "--policy" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    private static void AssertGoal(JsonElement goal, double target, double value, int numerator, int denominator)
    {
        Assert.Equal(target, goal.GetProperty("target").GetDouble());
        Assert.Equal(value, goal.GetProperty("value").GetDouble());
        Assert.Equal(numerator, goal.GetProperty("numerator").GetInt32());
        Assert.Equal(denominator, goal.GetProperty("denominator").GetInt32());
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
