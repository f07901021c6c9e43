using System.CommandLine;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Omstilling.Policy.Loading;
using Omstilling.Simulator.Phones;
using Omstilling.Simulator.Running;
using Omstilling.Simulator.Script;

namespace Omstilling.Host.Cli;

/// <summary>
/// <c>omstilling simulate --server HOST:PORT --day YYYY-MM-DD [--speed N] [--seed S] [--profile FILE]</c>:
/// synthetic citizens call a running server's main number (and staff's direct numbers) through real
/// SIP and RTP, and synthetic operators and staff answer on their phones, the operators putting
/// callers through with their phones' transfer (REFER, <see cref="PhoneConsole"/>; docs/simulator.md). The
/// policy gives the main number, the direct numbers and the operators; the SIP passwords come from
/// <c>--accounts FILE</c>, else the demo's; the profile (how the day looks) from <c>--profile FILE</c>,
/// else the built-in example.
/// </summary>
internal static class SimulateCommand
{
    public static async Task<int> RunAsync(ReadOnlyMemory<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var server = new Option<IPEndPoint?>("--server") { Description = "The server's SIP address, HOST:PORT (UDP)", Required = true, CustomParser = OptionParsers.EndPoint };
        var day = new Option<DateOnly>("--day") { Description = "The day whose calls are simulated (YYYY-MM-DD): its weekday chooses the hours", Required = true, CustomParser = OptionParsers.Day };
        var speed = new Option<double>("--speed") { Description = "How many times faster than real time calls arrive and talks last (ringing and prompts stay real)", DefaultValueFactory = _ => 60 };
        var seed = new Option<int?>("--seed") { Description = "Makes the same day again (default: a new one, printed)" };
        var from = new Option<TimeSpan?>("--from") { Description = "Start at this time of the day (HH:MM; default: the first call)", CustomParser = OptionParsers.TimeOfDay };
        var until = new Option<TimeSpan?>("--until") { Description = "No call after this time of the day (HH:MM)", CustomParser = OptionParsers.TimeOfDay };
        var accounts = new Option<FileInfo?>("--accounts") { Description = "The SIP passwords of the operators and the staff's phones, one 'EXTENSION PASSWORD' per line (default: the demo's, demo + extension)" };
        var bind = new Option<string>("--bind") { Description = "The address the simulated phones use", DefaultValueFactory = _ => "127.0.0.1" };
        var policyFile = new Option<string?>("--policy") { Description = "The telephone policy whose main number, direct numbers and operators are used (default: the bundled one)" };
        var profileFile = new Option<FileInfo?>("--profile") { Description = "The day's calls and how people behave, a YAML file (default: the built-in example, config/simulation-example.yaml)" };
        var command = new Command("simulate", "Synthetic citizens and operators make a day of calls to a running server") { server, day, speed, seed, from, until, accounts, bind, policyFile, profileFile };
        var parsed = CliInvocation.ParseUnder(command, args);
        if (parsed.Action is System.CommandLine.Help.HelpAction)
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        }

        var problems = parsed.Errors.Select(e => e.Message).ToList();
        if (parsed.GetValue(speed) is < 1 or > 3600)
        {
            problems.Add("--speed must be between 1 and 3600");
        }

        if (!IPAddress.TryParse(parsed.GetValue(bind), out var local))
        {
            problems.Add($"--bind: '{parsed.GetValue(bind)}' is not an IP address");
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"omstilling simulate: {problem}");
            }

            await error.WriteLineAsync("omstilling simulate --help lists the options.");
            return 2;
        }

        var profile = new SimulationProfile();
        if (parsed.GetValue(profileFile) is { } file)
        {
            var read = ProfileFile.LoadFile(file.ToString());
            if (!read.Succeeded)
            {
                await error.WriteLineAsync(read.Report());
                return 2;
            }

            profile = read.Profile;
        }

        var loaded = PolicyLoader.LoadFile(parsed.GetValue(policyFile) ?? PolicyFiles.Default());
        if (!loaded.Succeeded)
        {
            await error.WriteLineAsync(loaded.Report());
            return 1;
        }

        IReadOnlyList<PhoneAccount> operators;
        IReadOnlyList<PhoneAccount> directStaff;
        IReadOnlyList<PhoneAccount> staff;
        var allLines = DirectLines.Of(loaded.Policy!);
        try
        {
            operators = OperatorAccounts.Read(parsed.GetValue(accounts), loaded.Policy!.Operators);
            directStaff = OperatorAccounts.Known(parsed.GetValue(accounts), allLines.Select(l => l.Extension).Distinct(StringComparer.Ordinal));
            staff = OperatorAccounts.Known(parsed.GetValue(accounts), profile.Staff);
        }
        catch (InvalidDataException e)
        {
            await error.WriteLineAsync($"omstilling simulate: --accounts: {e.Message}");
            return 2;
        }

        // A direct number is dialled only when the simulator can answer its phone.
        var directLines = allLines.Where(l => directStaff.Any(a => a.User == l.Extension)).ToList();
        foreach (var line in allLines.Except(directLines))
        {
            await output.WriteLineAsync($"omstilling simulate: --accounts has no password for {line.Extension}: its direct number {line.Number} is not dialled");
        }

        // A colleague without a password is not registered: a transfer to them is refused (480) and the operator helps the caller alone.
        foreach (var extension in profile.Staff.Where(e => staff.All(a => a.User != e)))
        {
            await output.WriteLineAsync($"omstilling simulate: --accounts has no password for {extension}: calls put through to it are refused");
        }

        var daySeed = parsed.GetValue(seed) ?? Random.Shared.Next();
        var script = ScriptWriter.Write(profile, parsed.GetValue(day), daySeed, loaded.Policy!.MainNumber, directLines);
        await output.WriteLineAsync($"omstilling simulate: seed {daySeed.ToString(CultureInfo.InvariantCulture)}, {script.Calls.Count} call(s) in the day");
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
        try
        {
            await using var network = await PhoneNetwork.StartAsync(new PhoneNetworkOptions(parsed.GetValue(server)!, local!), TimeProvider.System, loggers, cancellationToken);
            var options = new SimulationOptions(operators, parsed.GetValue(speed), parsed.GetValue(from), parsed.GetValue(until)) { Staff = staff, DirectStaff = directStaff };

            // The operators transfer with their phones' REFER, as a desk phone's transfer key does (docs/transfers.md).
            var console = new PhoneConsole(loggers.CreateLogger<PhoneConsole>());
            var summary = await new Simulation(network, options, console, TimeProvider.System, loggers.CreateLogger<Simulation>()).RunAsync(script, cancellationToken);
            await output.WriteLineAsync($"omstilling simulate: {summary}");
            return 0;
        }
        catch (PhoneException e)
        {
            await error.WriteLineAsync($"omstilling simulate: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync("omstilling simulate: stopped");
            return 0;
        }
    }
}
