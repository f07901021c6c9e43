using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Calls.Control;
using Omstilling.Host.Cli;
using Omstilling.Host.Demo;
using Omstilling.Host.Tests.Support;
using Omstilling.Simulator.Phones;
using Omstilling.Simulator.Running;
using Omstilling.Simulator.Script;

namespace Omstilling.Host.Tests.Simulator;

/// <summary>
/// A scripted morning through the simulator: a fixed seed writes the calls of 09:00-11:00 on a
/// Tuesday; the server (in this process, its clock started at 09:00 that day, the survey inviting
/// everyone) is called by the citizens, on the main number and on Jens Hansen's direct number (his
/// phone answers or rings out, and the policy sends the call to the switchboard), its four
/// operators' phones answer as the script says and put callers through on the switchboard's
/// control to colleagues' phones, at 30 times the day's speed. The report of the server's history must then give exactly the figures that follow from
/// the script alone.
/// </summary>
[Collection(SimulatedDaysCollection.Name)]
public sealed class SimulatedDayTests
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);

    private static readonly string[] Operators = ["100", "101", "102", "103"];

    /// <summary>Quieter than a real morning, and with every kind of call in it.</summary>
    internal static readonly SimulationProfile Morning = new()
    {
        WorkdayArrivals = [.. Enumerable.Range(0, 24).Select(h => h is 9 or 10 ? 5.0 : 0)],
        Impatient = 0.15,
        OfferRingsOut = 0.2,
        SurveyOptIn = 0.8,
        SurveyAnswers = [0.1, 0.15, 0.1, 0.3, 0.35],
        SurveyNoAnswer = 0.1,
        Talk = (TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)),
        StaffTalk = (TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)),
        Transferred = 0.6,
        WrongPerson = 0.25,
        StaffAnswers = [.. Enumerable.Range(0, 24).Select(h => 0.7)],
        Staff = ["2001", "2002", "2003", "2004", "2005", "2006"],
        CallsAgain = 0.2,
        DirectCalls = 0.25,
    };

    /// <summary>The bundled policy's one public direct number of a person: Jens Hansen, 2050 (no-answer and busy: the switchboard).</summary>
    internal static readonly DirectLine[] DirectLines = [new("54732055", "2050")];

    /// <summary>A seed whose morning has every kind of call (checked first: a changed script writer fails that check, not the figures).</summary>
    internal const int Seed = 100783;

    private const double Speed = 30;

    [Fact]
    public async Task A_scripted_morning_gives_the_figures_the_script_implies()
    {
        var script = ScriptWriter.Write(Morning, Tuesday, Seed, "54731000", DirectLines);
        var calls = script.Calls;
        Assert.True(HasEveryKind(calls), string.Join('\n', calls));

        await using var server = await InProcessServer.StartAsync([], surveyPercent: 100, "--demo", "--at", "2026-12-01 09:00");
        await using var network = await PhoneNetwork.StartAsync(
            new PhoneNetworkOptions(new IPEndPoint(IPAddress.Loopback, server.SipPort), IPAddress.Loopback, FirstRtpPort: 32000, LastRtpPort: 32998),
            TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);
        var options = new SimulationOptions(OperatorAccounts.Demo(Operators), Speed: Speed) { Staff = OperatorAccounts.Demo(Morning.Staff), DirectStaff = OperatorAccounts.Demo(["2050"]) };
        var console = new SwitchboardConsole(server.App.Services.GetRequiredService<ISwitchboardControl>());
        var simulation = new Simulation(network, options, console, TimeProvider.System, NullLogger<Simulation>.Instance);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var summary = await simulation.RunAsync(script, timeout.Token);

        var helped = calls.Where(c => !Impatient(c) || DirectAnswered(c)).ToList();
        var answers = helped.Where(c => c.OptsIn && c.SurveyAnswer is not null).ToList();
        var transfers = helped.Where(c => c.Transfer is not null && !DirectAnswered(c)).ToList();
        var marks = transfers.Count(c => c.Transfer is { WrongPerson: true, TargetAnswer.RingsOut: false });
        var correct = transfers.Where(c => !c.Transfer!.TargetAnswer.RingsOut && !c.Transfer.WrongPerson && !CallsAgain(calls, c)).ToList();
        Assert.True(summary.Count(CitizenOutcome.Helped) == helped.Count, summary.ToString());
        Assert.Equal(calls.Count - helped.Count, summary.Count(CitizenOutcome.GaveUp));
        Assert.Equal(answers.Select(c => c.SurveyAnswer!.Value), summary.SurveyAnswers);
        Assert.Equal(calls.Count(c => c.Direct is not null), summary.DirectCalls);
        Assert.Equal(calls.Count(DirectAnswered), summary.AnsweredDirect);

        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.ManagementPort}") };
        Assert.True(
            await Eventually.ReachedAsync(async () => (await management.GetFromJsonAsync<JsonElement>(new Uri("/api/status", UriKind.Relative))).GetProperty("history").GetProperty("records").GetInt64() >= calls.Count + marks),
            "the call records were not written");
        var report = await ProcessRunner.RunAsync(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "omstilling.dll"), "report", "--from", "2026-12-01", "--to", "2026-12-01", "--format", "json", "--data-dir", server.DataDirectory, "--policy", server.PolicyFile],
            TimeSpan.FromSeconds(60));
        Assert.True(report.ExitCode == 0, report.ToString());
        using var json = JsonDocument.Parse(report.Output);
        var root = json.RootElement;
        // Every call is in the history, the wrong persons' *88 calls too (their marks are events of the calls they mark).
        Assert.Equal(calls.Count + marks, root.GetProperty("calls").GetInt32());
        var scriptText = string.Join('\n', calls);
        Assert.True(calls.Count - helped.Count == root.GetProperty("abandoned").GetInt32(), $"abandoned: {root}\n{scriptText}\n{await TimelinesAsync(server)}");
        // A direct call's first ring is Jens Hansen's phone: within the limit when he answers; rung out, the operator's answer comes later.
        await AssertFigureAsync("answeredWithinRingLimit", calls.Count(c => c.Direct is { } direct ? !direct.Answer.RingsOut : !c.FirstOffer.RingsOut), calls.Count);
        await AssertFigureAsync("correctlyTransferred", correct.Count, transfers.Count);
        await AssertFigureAsync("satisfied", answers.Count(c => c.SurveyAnswer >= 4), answers.Count);

        async Task AssertFigureAsync(string goal, int numerator, int denominator)
        {
            var figure = root.GetProperty(goal);
            if ((numerator, denominator) != (figure.GetProperty("numerator").GetInt32(), figure.GetProperty("denominator").GetInt32()))
            {
                Assert.Fail($"{goal}: expected {numerator} of {denominator}, reported {figure}\n{scriptText}\n{await TimelinesAsync(server)}");
            }
        }
    }

    /// <summary>Impatient callers, rung-out first offers, answers on both sides of the line, each way a transfer can go, and each way a direct call can.</summary>
    internal static bool HasEveryKind(IReadOnlyList<CitizenCall> calls) =>
        calls.Count is >= 7 and <= 16
        && FewAtOnce(calls)
        && OneDirectCallAtATime(calls)
        && calls.Any(DirectAnswered)
        && calls.Any(c => c.Direct is { Answer.RingsOut: true } && !Impatient(c))
        && calls.Any(Impatient)
        && calls.Any(c => c.FirstOffer.RingsOut && !Impatient(c))
        && calls.Any(c => c.SurveyAnswer >= 4 && !Impatient(c))
        && calls.Any(c => c.SurveyAnswer <= 3 && !Impatient(c))
        && calls.Any(c => !Impatient(c) && c.Transfer is { WrongPerson: false, TargetAnswer.RingsOut: false } && !CallsAgain(calls, c))
        && calls.Any(c => !Impatient(c) && c.Transfer is { WrongPerson: true, TargetAnswer.RingsOut: false })
        && calls.Any(c => !Impatient(c) && c.Transfer is { TargetAnswer.RingsOut: true })
        && calls.Any(c => !Impatient(c) && c.Transfer is { WrongPerson: false, TargetAnswer.RingsOut: false } && CallsAgain(calls, c));

    /// <summary>
    /// At most three calls at once (from an estimate of each call's length in real time at
    /// <see cref="Speed"/>): with four operators one is always free, so no caller meets the
    /// policy's overflow for a busy switchboard (the automatic menu), which the script cannot foresee.
    /// </summary>
    internal static bool FewAtOnce(IReadOnlyList<CitizenCall> calls)
    {
        var spans = calls.Select(c => (Start: (c.Arrival - calls[0].Arrival) / Speed, End: ((c.Arrival - calls[0].Arrival) / Speed) + Length(c))).ToList();
        return spans.All(a => spans.Count(b => b.Start <= a.Start && a.Start < b.End) <= 3);
    }

    /// <summary>
    /// The direct calls do not overlap: a call to Jens Hansen while he talks would not ring him (the
    /// busy rule sends it to the switchboard at once), which the figures above do not foresee.
    /// </summary>
    internal static bool OneDirectCallAtATime(IReadOnlyList<CitizenCall> calls)
    {
        var spans = calls.Where(c => c.Direct is not null).Select(c => (Start: (c.Arrival - calls[0].Arrival) / Speed, End: ((c.Arrival - calls[0].Arrival) / Speed) + Length(c))).ToList();
        return spans.All(a => spans.Count(b => b.Start <= a.Start && a.Start < b.End) <= 1);
    }

    /// <summary>Generously: greeting and invitation (or a direct number's ringing), the offers, the talks, the transfer, the survey.</summary>
    private static TimeSpan Length(CitizenCall c) => c.Direct switch
    {
        null => LengthAtTheSwitchboard(c),
        { Answer.RingsOut: false } direct => TimeSpan.FromSeconds(10) + direct.Answer.Delay + Talk(direct.Talk) + TimeSpan.FromSeconds(20),
        { Answer.RingsOut: true } => TimeSpan.FromSeconds(22) + LengthAtTheSwitchboard(c),
    };

    private static TimeSpan LengthAtTheSwitchboard(CitizenCall c) =>
        TimeSpan.FromSeconds(10)
        + (c.FirstOffer.RingsOut ? TimeSpan.FromSeconds(27) + c.LaterOffer.Delay : c.FirstOffer.Delay)
        + Talk(c.Talk)
        + (c.Transfer is not { } t ? TimeSpan.Zero
            : t.TargetAnswer.RingsOut ? TimeSpan.FromSeconds(27) + c.LaterOffer.Delay + Talk(c.Talk)
            : t.TargetAnswer.Delay + Talk(t.Talk))
        + TimeSpan.FromSeconds(20);

    private static TimeSpan Talk(TimeSpan simulated) => simulated / Speed < TimeSpan.FromSeconds(2) ? TimeSpan.FromSeconds(2) : simulated / Speed;

    /// <summary>Jens Hansen answered the call to his direct number himself.</summary>
    private static bool DirectAnswered(CitizenCall call) => call.Direct is { Answer.RingsOut: false };

    /// <summary>Gives up before an operator can answer: the first offer rings out, and the patience ends before the second.</summary>
    private static bool Impatient(CitizenCall call) => call.FirstOffer.RingsOut && call.GivesUpAfter < TimeSpan.FromSeconds(25);

    /// <summary>The same citizen calls the main number again later (within minutes of real time in this test: inside the 30-minute window).</summary>
    private static bool CallsAgain(IReadOnlyList<CitizenCall> calls, CitizenCall call) =>
        calls.Any(c => c.Caller == call.Caller && c.Arrival > call.Arrival);

    /// <summary>Every call's events, for a failure's message.</summary>
    private static async Task<string> TimelinesAsync(InProcessServer server)
    {
        using var admin = await WebLogin.LogInAsync(server.WebPort, "admin", "demoadmin");
        return (await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/calls/events", UriKind.Relative))).ToString();
    }

}
