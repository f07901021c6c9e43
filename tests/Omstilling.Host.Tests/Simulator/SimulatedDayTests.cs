using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Host.Tests.Support;
using Omstilling.Simulator.Phones;
using Omstilling.Simulator.Running;
using Omstilling.Simulator.Script;

namespace Omstilling.Host.Tests.Simulator;

/// <summary>
/// A scripted morning through the simulator: a fixed seed writes the calls of 09:00-10:00 on a
/// Tuesday, the server's clock starts at 09:00 that day (the survey inviting everyone), the four
/// operators' phones answer as the script says, at 30 times the day's speed. The report of the
/// server's history must then give exactly the figures that follow from the script alone.
/// </summary>
public sealed class SimulatedDayTests
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);

    /// <summary>Quieter than a real morning and with every kind of caller: some impatient, some first offers rung out, most in the survey.</summary>
    private static readonly SimulationProfile Morning = new()
    {
        WorkdayArrivals = [.. Enumerable.Range(0, 24).Select(h => h == 9 ? 12.0 : 0)],
        Impatient = 0.15,
        OfferRingsOut = 0.2,
        SurveyOptIn = 0.8,
        SurveyAnswers = [0.1, 0.15, 0.1, 0.3, 0.35],
        SurveyNoAnswer = 0.1,
        Talk = (TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)),
    };

    [Fact]
    public async Task A_scripted_morning_gives_the_figures_the_script_implies()
    {
        var script = ScriptWriter.Write(Morning, Tuesday, seed: 4, "54731000");
        var calls = script.Calls;
        // What the seed must give for the test to test something (fails if the script writer changes).
        Assert.InRange(calls.Count, 8, 16);
        Assert.Contains(calls, Impatient);
        Assert.Contains(calls, c => c.FirstOffer.RingsOut && !Impatient(c));
        Assert.Contains(calls, c => c.SurveyAnswer >= 4 && !Impatient(c));
        Assert.Contains(calls, c => c.SurveyAnswer <= 3 && !Impatient(c));

        var policyFolder = System.IO.Directory.CreateTempSubdirectory("omstilling-sim-").FullName;
        var policy = TestPolicy.Write(policyFolder, surveyPercent: 100);
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-01 09:00", "--policy", policy, "--directory", TestPolicy.Directory);
        await using var network = await PhoneNetwork.StartAsync(
            new PhoneNetworkOptions(new IPEndPoint(IPAddress.Loopback, server.SipPort), IPAddress.Loopback, FirstRtpPort: 32000, LastRtpPort: 32998),
            TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);
        var operators = new[] { "100", "101", "102", "103" }.Select(o => new PhoneAccount(o, "demo" + o)).ToList();
        var simulation = new Simulation(network, new SimulationOptions(operators, Speed: 30), TimeProvider.System, NullLogger<Simulation>.Instance);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var summary = await simulation.RunAsync(script, timeout.Token);

        var helped = calls.Where(c => !Impatient(c)).ToList();
        var answers = helped.Where(c => c.OptsIn && c.SurveyAnswer is not null).ToList();
        Assert.True(summary.Count(CitizenOutcome.Helped) == helped.Count, summary + "\n" + server.Output);
        Assert.Equal(calls.Count - helped.Count, summary.Count(CitizenOutcome.GaveUp));
        Assert.Equal(answers.Select(c => c.SurveyAnswer!.Value), summary.SurveyAnswers);

        Assert.True(
            await server.WaitForStatusAsync(s => s.GetProperty("history").GetProperty("records").GetInt64() >= calls.Count, TimeSpan.FromSeconds(15)),
            $"the call records were not written: {(await server.StatusAsync()).GetProperty("history")}");
        var report = await ProcessRunner.RunAsync(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "omstilling.dll"), "report", "--from", "2026-12-01", "--to", "2026-12-01", "--format", "json", "--data-dir", server.DataDirectory, "--policy", policy],
            TimeSpan.FromSeconds(60));
        Assert.True(report.ExitCode == 0, report.ToString());
        using var json = JsonDocument.Parse(report.Output);
        var root = json.RootElement;
        Assert.Equal(calls.Count, root.GetProperty("calls").GetInt32());
        Assert.Equal(calls.Count - helped.Count, root.GetProperty("abandoned").GetInt32());
        AssertFigure(root.GetProperty("answeredWithinRingLimit"), calls.Count(c => !c.FirstOffer.RingsOut), calls.Count);
        AssertFigure(root.GetProperty("satisfied"), answers.Count(c => c.SurveyAnswer >= 4), answers.Count);
        AssertFigure(root.GetProperty("correctlyTransferred"), 0, 0);
        System.IO.Directory.Delete(policyFolder, recursive: true);
    }

    /// <summary>Gives up before an operator can answer: the first offer rings out, and the patience ends before the second.</summary>
    private static bool Impatient(CitizenCall call) => call.FirstOffer.RingsOut && call.GivesUpAfter < TimeSpan.FromSeconds(25);

    private static void AssertFigure(JsonElement goal, int numerator, int denominator) =>
        Assert.True(
            (numerator, denominator) == (goal.GetProperty("numerator").GetInt32(), goal.GetProperty("denominator").GetInt32()),
            $"expected {numerator.ToString(CultureInfo.InvariantCulture)} of {denominator.ToString(CultureInfo.InvariantCulture)}: {goal}");
}
