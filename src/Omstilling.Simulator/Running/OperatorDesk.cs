using Microsoft.Extensions.Logging;
using Omstilling.Simulator.Phones;
using Omstilling.Simulator.Script;

namespace Omstilling.Simulator.Running;

/// <summary>
/// The synthetic operators: each offer to an operator's phone rings, and is answered after the
/// delay the caller's script gives (or rings out); the operator talks for the script's time, then
/// puts the caller through on the console (when the script says so and there is a console) or
/// hangs up. A caller the script does not know is answered after 3 s and talked with for 10 s.
/// </summary>
internal sealed partial class OperatorDesk(CitizenLines lines, IOperatorConsole? console, SimulationOptions options, TimeProvider time, ILogger logger)
{

    /// <summary>How long the server may take to release the operator's leg after a blind transfer.</summary>
    private static readonly TimeSpan ReleaseWait = TimeSpan.FromSeconds(10);

    /// <summary>The incoming-call handler of operator <paramref name="extension"/>'s phone.</summary>
    public Func<IncomingCall, CancellationToken, Task> PhoneOf(string extension) =>
        (call, cancellationToken) => AnswerAsync(extension, call, cancellationToken);

    private async Task AnswerAsync(string extension, IncomingCall call, CancellationToken cancellationToken)
    {
        var line = lines.Of(call.CallerNumber);
        if (!await Offers.AnswerAsync(call, line?.NextOffer() ?? Offers.Stranger, time, cancellationToken))
        {
            return;
        }

        line?.OperatorAnswered.TrySetResult(extension);
        LogAnswered(extension, call.CallerNumber);
        if (await call.EndsWithinAsync(line is null ? Offers.StrangerTalk : options.TalkTime(line.Call.Talk), time, cancellationToken))
        {
            return; // the caller hung up on the operator
        }

        if (line?.TakeTransfer() is { } plan && console is not null)
        {
            if (await console.TransferAsync(extension, call, plan.Target, cancellationToken))
            {
                LogTransferred(extension, call.CallerNumber, plan.Target);
                if (!await call.EndsWithinAsync(ReleaseWait, time, cancellationToken))
                {
                    await call.HangUpAsync(cancellationToken);
                }

                return; // the colleague, or the operator again after a recall, serves the caller now
            }

            LogNotTransferred(extension, call.CallerNumber, plan.Target);
        }

        await call.HangUpAsync(cancellationToken);
        line?.Served.TrySetResult();
    }

    [LoggerMessage(EventId = 10501, Level = LogLevel.Debug, Message = "Operator {Operator} answered {Caller}")]
    private partial void LogAnswered(string @operator, string caller);

    [LoggerMessage(EventId = 10502, Level = LogLevel.Debug, Message = "Operator {Operator} put {Caller} through to {Target}")]
    private partial void LogTransferred(string @operator, string caller, string target);

    [LoggerMessage(EventId = 10503, Level = LogLevel.Information, Message = "Operator {Operator} could not put {Caller} through to {Target}; helped them alone")]
    private partial void LogNotTransferred(string @operator, string caller, string target);
}
