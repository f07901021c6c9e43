using System.Globalization;
using Microsoft.Extensions.Logging;
using Omstilling.Simulator.Phones;
using Omstilling.Simulator.Script;

namespace Omstilling.Simulator.Running;

/// <summary>
/// Plays a day's script against a running server: registers the operators' and the colleagues'
/// phones (those calls are put through to, and those whose direct numbers are dialled), starts each citizen's call at its time (sped up; a citizen who calls again waits until
/// their last call ended), and waits for every call to finish. The calls are real SIP and RTP
/// through <see cref="PhoneNetwork"/>; what the server measures of them is its own business.
/// </summary>
/// <param name="console">Where operators transfer from (their phones' REFER, or the switchboard's control inside the server); null: they help every caller alone.</param>
public sealed partial class Simulation(PhoneNetwork network, SimulationOptions options, IOperatorConsole? console, TimeProvider time, ILogger<Simulation> logger)
{
    /// <summary>How long the operators' registrations last; the phones refresh them.</summary>
    private static readonly TimeSpan RegistrationTime = TimeSpan.FromMinutes(5);

    /// <summary>The calls this run plays: those between <see cref="SimulationOptions.From"/> and <see cref="SimulationOptions.Until"/>.</summary>
    public IReadOnlyList<CitizenCall> Selected(DayScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return [.. script.Calls.Where(c => (options.From is not { } from || c.Arrival >= from) && (options.Until is not { } until || c.Arrival < until))];
    }

    public async Task<SimulationSummary> RunAsync(DayScript script, CancellationToken cancellationToken)
    {
        var calls = Selected(script);
        var lines = new CitizenLines();
        var operatorDesk = new OperatorDesk(lines, console, options, time, logger);
        var staffDesk = new StaffDesk(lines, options, time, logger);
        var phones = new List<SimulatedPhone>();
        try
        {
            foreach (var account in options.Operators)
            {
                var phone = network.Phone(account.User, account.Password);
                phone.Incoming = operatorDesk.PhoneOf(phone.User);
                phones.Add(phone);
                await phone.RegisterAsync(RegistrationTime, cancellationToken);
            }

            var staff = (console is null ? [] : options.Staff).Concat(options.DirectStaff).DistinctBy(a => a.User, StringComparer.Ordinal);
            foreach (var account in staff)
            {
                var phone = network.Phone(account.User, account.Password);
                phone.Incoming = staffDesk.PhoneOf(phone);
                phones.Add(phone);
                await phone.RegisterAsync(RegistrationTime, cancellationToken);
            }

            LogStarting(calls.Count, script.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), options.Operators.Count, options.Speed);
            return new SimulationSummary(await PlayAllAsync(calls, lines, cancellationToken));
        }
        finally
        {
            foreach (var phone in phones)
            {
                await UnregisterQuietlyAsync(phone);
            }
        }
    }

    private async Task<CitizenResult[]> PlayAllAsync(IReadOnlyList<CitizenCall> calls, CitizenLines lines, CancellationToken cancellationToken)
    {
        var results = new List<Task<CitizenResult>>(calls.Count);
        var lastCallOf = new Dictionary<string, Task>(StringComparer.Ordinal);
        var started = time.GetTimestamp();
        var first = options.From ?? (calls.Count > 0 ? calls[0].Arrival : TimeSpan.Zero);
        foreach (var call in calls)
        {
            var due = options.RealTime(call.Arrival - first) - time.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, time, cancellationToken);
            }

            var result = PlayAsync(lastCallOf.GetValueOrDefault(call.Caller), lines, call, cancellationToken);
            lastCallOf[call.Caller] = result;
            results.Add(result);
        }

        return await Task.WhenAll(results);
    }

    private async Task<CitizenResult> PlayAsync(Task? previous, CitizenLines lines, CitizenCall call, CancellationToken cancellationToken)
    {
        if (previous is not null)
        {
            await previous; // one call at a time from one caller
        }

        var line = new CitizenLine(call);
        lines.Add(line);
        try
        {
            var result = await new CitizenRun(line, time).RunAsync(network.Phone(call.Caller), cancellationToken);
            LogCall(call.Number, call.Caller, call.Dialled, result.Outcome, result.Operator ?? result.AnsweredDirectBy ?? "none", result.SurveyAnswer?.ToString(CultureInfo.InvariantCulture) ?? "none");
            return result;
        }
        catch (PhoneException e)
        {
            LogCallFailed(call.Number, call.Caller, e.Message);
            return new CitizenResult(call, CitizenOutcome.Failed, null, null);
        }
        finally
        {
            lines.Remove(line);
        }
    }

    private async Task UnregisterQuietlyAsync(SimulatedPhone phone)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
            await phone.UnregisterAsync(timeout.Token);
        }
        catch (Exception e) when (e is PhoneException or OperationCanceledException)
        {
            LogUnregisterFailed(phone.User, e.Message); // the registration expires by itself
        }
    }

    [LoggerMessage(EventId = 10510, Level = LogLevel.Information, Message = "Simulating {Calls} call(s) of {Day} with {Operators} operator(s) at {Speed}x speed")]
    private partial void LogStarting(int calls, string day, int operators, double speed);

    [LoggerMessage(EventId = 10511, Level = LogLevel.Information, Message = "Call {Number} from {Caller} to {Dialled}: {Outcome} (answered by {AnsweredBy}, survey answer {Answer})")]
    private partial void LogCall(int number, string caller, string dialled, CitizenOutcome outcome, string answeredBy, string answer);

    [LoggerMessage(EventId = 10512, Level = LogLevel.Warning, Message = "Call {Number} from {Caller} failed: {Reason}")]
    private partial void LogCallFailed(int number, string caller, string reason);

    [LoggerMessage(EventId = 10513, Level = LogLevel.Warning, Message = "Phone {User} could not unregister: {Reason}")]
    private partial void LogUnregisterFailed(string user, string reason);
}
