using Microsoft.Extensions.Logging;
using Omstilling.Simulator.Phones;
using Omstilling.Simulator.Script;

namespace Omstilling.Simulator.Running;

/// <summary>
/// The colleagues calls are put through to, and the staff whose direct numbers citizens dial: a
/// call on a colleague's phone is answered as the caller's direct call or transfer plan says (or
/// rings out, and the policy or the switchboard takes it on), talked for its time and hung up; the
/// wrong person then marks a call put through "fejlstillet" from the same phone with *88. A call
/// the script does not know is answered after 3 s and talked with for 10 s.
/// </summary>
internal sealed partial class StaffDesk(CitizenLines lines, SimulationOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>The feature code that marks the call last put through to you as misrouted.</summary>
    public const string MarkMisrouted = "*88";


    /// <summary>How long the server may take to confirm a mark and hang up.</summary>
    private static readonly TimeSpan MarkWait = TimeSpan.FromSeconds(15);

    /// <summary>The incoming-call handler of a colleague's phone.</summary>
    public Func<IncomingCall, CancellationToken, Task> PhoneOf(SimulatedPhone phone) =>
        (call, cancellationToken) => AnswerAsync(phone, call, cancellationToken);

    private async Task AnswerAsync(SimulatedPhone phone, IncomingCall call, CancellationToken cancellationToken)
    {
        var line = lines.Of(call.CallerNumber);
        var direct = line?.TakeDirect(phone.User);
        var plan = direct is null ? line?.Call.Transfer : null;
        if (!await Offers.AnswerAsync(call, direct?.Answer ?? plan?.TargetAnswer ?? Offers.Stranger, time, cancellationToken))
        {
            return;
        }

        if (direct is not null)
        {
            line!.StaffAnswered.TrySetResult(phone.User);
            LogDirectAnswered(phone.User, call.CallerNumber);
        }

        var talk = direct?.Talk ?? plan?.Talk;
        var hungUpThere = await call.EndsWithinAsync(talk is { } scripted ? options.TalkTime(scripted) : Offers.StrangerTalk, time, cancellationToken);
        if (!hungUpThere)
        {
            await call.HangUpAsync(cancellationToken);
        }

        line?.Served.TrySetResult();
        if (plan is { WrongPerson: true })
        {
            await MarkMisroutedAsync(phone, call.CallerNumber, cancellationToken);
        }
    }

    private async Task MarkMisroutedAsync(SimulatedPhone phone, string caller, CancellationToken cancellationToken)
    {
        var mark = phone.Call(MarkMisrouted);
        if (!await mark.EndsWithinAsync(MarkWait, time, cancellationToken))
        {
            await mark.HangUpAsync(cancellationToken);
        }

        LogMarked(phone.User, caller, await mark.Answered);
    }

    [LoggerMessage(EventId = 10521, Level = LogLevel.Debug, Message = "{Staff} answered the call from {Caller} to their direct number")]
    private partial void LogDirectAnswered(string staff, string caller);

    [LoggerMessage(EventId = 10520, Level = LogLevel.Debug, Message = "{Staff} marked the call from {Caller} fejlstillet (answered: {Answered})")]
    private partial void LogMarked(string staff, string caller, bool answered);
}
