using System.Globalization;
using System.Text.Json;
using Omstilling.Host.Tests.Support;
using Omstilling.Simulator.Script;

namespace Omstilling.Host.Tests.Simulator;

/// <summary>
/// <c>omstilling simulate</c> as its own process against the server as its own process (its clock
/// started at 09:00 on a Tuesday): half an hour of a morning in which the operators put every
/// caller through with their phones' transfer key (REFER), at 60 times the day's speed. The
/// server's call events must show each transfer the script implies, made by the operator who
/// answered: taken by the colleague (the wrong person too, who marks it with *88), or rung out and
/// back at the switchboard; the report counts the correct ones.
/// </summary>
[Collection(SimulatedDaysCollection.Name)]
public sealed class RemoteTransfersTests
{
    private static readonly string Omstilling = Path.Combine(AppContext.BaseDirectory, "omstilling.dll");

    private static readonly DateOnly Tuesday = new(2026, 12, 1);

    private static readonly string[] Operators = ["100", "101", "102", "103"];

    /// <summary>Every caller put through; a colleague answers half of them; no survey, no direct calls, nobody impatient or calling again.</summary>
    private const string Profile = """
        arrivals:
          workday: [0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        citizens:
          impatient-percent: 0
          direct-calls-percent: 0
          calls-again-percent: 0
        survey:
          opt-in-percent: 0
        operators:
          rings-out-percent: 0
          answer-delay-seconds: 1-3
          talk-seconds: 60-120
          transfer-percent: 100
        staff:
          extensions: [2001, 2002, 2003]
          answers-percent-by-hour: [50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50]
          answer-delay-seconds: 1-3
          talk-seconds: 60-120
          wrong-person-percent: 30
        """;

    private static readonly TimeSpan From = TimeSpan.FromHours(9);

    private static readonly TimeSpan Until = TimeSpan.FromHours(9.5);

    private const double Speed = 60;

    /// <summary>A seed whose half hour has each way a transfer can go (checked first).</summary>
    private const int Seed = 423;

    [Fact]
    public async Task Operators_transfer_from_their_phones_against_a_remote_server_as_the_script_says()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("omstilling-transfers-");
        try
        {
            var profileFile = Path.Combine(folder.FullName, "day.yaml");
            await File.WriteAllTextAsync(profileFile, Profile);
            var read = ProfileFile.LoadFile(profileFile);
            Assert.True(read.Succeeded, read.Report());
            var calls = Window(ScriptWriter.Write(read.Profile!, Tuesday, Seed, "54731000", SimulatedDayTests.DirectLines));
            var scriptText = string.Join('\n', calls);
            Assert.True(HasEveryKind(calls), scriptText);

            await using var server = await ServerProcess.StartAsync("--at", "2026-12-01 09:00");
            var result = await ProcessRunner.RunAsync(
                "dotnet",
                [Omstilling, "simulate", "--server", $"127.0.0.1:{server.SipPort.ToString(CultureInfo.InvariantCulture)}", "--day", "2026-12-01", "--from", "09:00", "--until", "09:30",
                    "--speed", Speed.ToString(CultureInfo.InvariantCulture), "--seed", Seed.ToString(CultureInfo.InvariantCulture), "--profile", profileFile],
                TimeSpan.FromMinutes(3));

            Assert.True(result.ExitCode == 0, result + "\n" + server.Output);
            Assert.Contains($"{calls.Count} call(s): {calls.Count} helped, 0 gave up, 0 ended by the server, 0 refused, 0 failed", result.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("could not put", result.Output, StringComparison.Ordinal);

            // Each call's record, and each wrong person's *88 call.
            var marks = calls.Count(c => c.Transfer is { WrongPerson: true, TargetAnswer.RingsOut: false });
            Assert.True(
                await server.WaitForStatusAsync(s => s.GetProperty("history").GetProperty("records").GetInt64() >= calls.Count + marks, TimeSpan.FromSeconds(15)),
                (await server.StatusAsync()).GetProperty("history").ToString());

            var events = await server.EventsAsync();
            foreach (var call in calls)
            {
                var plan = call.Transfer!;
                var mine = events.Where(e => CallEvents.Text(e, "caller") == call.Caller).ToList();
                var answeredBy = mine.Where(e => CallEvents.Text(e, "kind") == "TransferStarted").Select(e => CallEvents.Text(e, "operator")).ToList();
                var completed = mine.Where(e => CallEvents.Text(e, "kind") == "TransferCompleted").ToList();
                var recalled = mine.Where(e => CallEvents.Text(e, "kind") == "Recalled").ToList();
                var timeline = $"call {call}:\n{string.Join('\n', mine)}";

                // One transfer, by an operator, to the script's colleague.
                Assert.True(answeredBy.Count == 1 && Operators.Contains(answeredBy[0]), timeline);
                if (plan.TargetAnswer.RingsOut)
                {
                    // Back to the operator's phone (free: never more than three calls at once), who helps the caller alone.
                    Assert.True(completed.Count == 0 && recalled.Count == 1 && CallEvents.Text(recalled[0], "party") == plan.Target && CallEvents.Text(recalled[0], "operator") == answeredBy[0], timeline);
                }
                else
                {
                    Assert.True(completed.Count == 1 && CallEvents.Text(completed[0], "party") == plan.Target && CallEvents.Text(completed[0], "operator") == answeredBy[0] && recalled.Count == 0, timeline);
                }
            }

            var report = await ProcessRunner.RunAsync(
                "dotnet",
                [Omstilling, "report", "--from", "2026-12-01", "--to", "2026-12-01", "--format", "json", "--data-dir", server.DataDirectory, "--policy", Path.Combine(server.DataDirectory, "policy", "guldborgsund.yaml")],
                TimeSpan.FromSeconds(60));
            Assert.True(report.ExitCode == 0, report.ToString());
            using var json = JsonDocument.Parse(report.Output);
            var correctly = json.RootElement.GetProperty("correctlyTransferred");
            var correct = calls.Count(c => c.Transfer is { WrongPerson: false, TargetAnswer.RingsOut: false });
            Assert.True(
                (correct, calls.Count) == (correctly.GetProperty("numerator").GetInt32(), correctly.GetProperty("denominator").GetInt32()),
                $"correctlyTransferred: expected {correct} of {calls.Count}, reported {correctly}\n{scriptText}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static List<CitizenCall> Window(DayScript script) => [.. script.Calls.Where(c => c.Arrival >= From && c.Arrival < Until)];

    /// <summary>
    /// Three calls or more, every one put through, each to a colleague of its own (a phone that
    /// rings or talks for one caller is not rung for another the same way): taken, taken by the
    /// wrong person, rung out; never more than three at once (four operators: none meets the busy overflow).
    /// </summary>
    private static bool HasEveryKind(List<CitizenCall> calls) =>
        calls.Count >= 3
        && calls.All(c => c.Transfer is not null && !c.FirstOffer.RingsOut)
        && calls.DistinctBy(c => c.Transfer!.Target).Count() == calls.Count
        && calls.Any(c => c.Transfer is { WrongPerson: false, TargetAnswer.RingsOut: false })
        && calls.Any(c => c.Transfer is { WrongPerson: true, TargetAnswer.RingsOut: false })
        && calls.Any(c => c.Transfer is { TargetAnswer.RingsOut: true })
        && FewAtOnce(calls);

    private static bool FewAtOnce(List<CitizenCall> calls)
    {
        var spans = calls.Select(c => (Start: (c.Arrival - From) / Speed, End: ((c.Arrival - From) / Speed) + Length(c))).ToList();
        return spans.All(a => spans.Count(b => b.Start <= a.Start && a.Start < b.End) <= 3);
    }

    /// <summary>Generously: the greeting, the offer, the talk, the colleague or the ring limit and the operator again, the end.</summary>
    private static TimeSpan Length(CitizenCall c) =>
        TimeSpan.FromSeconds(10) + c.FirstOffer.Delay + Talk(c.Talk)
        + (c.Transfer!.TargetAnswer.RingsOut ? TimeSpan.FromSeconds(27) + c.LaterOffer.Delay + Talk(c.Talk) : c.Transfer.TargetAnswer.Delay + Talk(c.Transfer.Talk))
        + TimeSpan.FromSeconds(20);

    private static TimeSpan Talk(TimeSpan simulated) => simulated / Speed < TimeSpan.FromSeconds(2) ? TimeSpan.FromSeconds(2) : simulated / Speed;
}
