using System.Globalization;
using Omstilling.Simulator.Phones;

namespace Omstilling.Simulator.Running;

/// <summary>
/// One synthetic citizen's call as they would make it: call the number (the main number, or a
/// member of staff's direct number, which rings until they answer or the policy takes the call
/// on), press 1 while the survey's invitation is read (if they take part), wait for an operator
/// (or the member of staff) as long as their patience lasts, talk until the staff side hangs up
/// (the operator, or whom they were put through to), then answer the survey's question if it comes.
/// </summary>
internal sealed class CitizenRun(CitizenLine line, TimeProvider time)
{
    /// <summary>The greeting and the invitation are read; 1 is pressed into the invitation.</summary>
    public static readonly TimeSpan OptInAfter = TimeSpan.FromSeconds(3);

    /// <summary>After the operator hung up: the question has begun; the answer comes into it.</summary>
    public static readonly TimeSpan AnswerAfter = TimeSpan.FromSeconds(3);

    /// <summary>The longest the server may take to answer the call, and to end it after the survey.</summary>
    private static readonly TimeSpan ServerWait = TimeSpan.FromSeconds(30);

    /// <summary>How long a direct number may ring before the server answers (the staff, the switchboard's queue, voicemail): the policy's ring limit and more.</summary>
    private static readonly TimeSpan DirectRing = TimeSpan.FromSeconds(60);

    /// <summary>The longest a citizen stays on once an operator answered: talks, a transfer, a recall.</summary>
    private static readonly TimeSpan LongestService = TimeSpan.FromMinutes(15);

    /// <summary>A caller who did not take part is let go by the server as soon as the staff side leaves.</summary>
    private static readonly TimeSpan LetGo = TimeSpan.FromSeconds(2);

    public async Task<CitizenResult> RunAsync(SimulatedPhone phone, CancellationToken cancellationToken)
    {
        var script = line.Call;
        var call = phone.Call(script.Dialled);
        var answered = await Task.WhenAny(call.Answered, Task.Delay(script.Direct is null ? ServerWait : ServerWait + DirectRing, time, cancellationToken));
        if (answered != call.Answered)
        {
            await call.HangUpAsync(cancellationToken);
            return Result(CitizenOutcome.Failed);
        }

        if (!await call.Answered)
        {
            return Result(call.RefusedStatus is null ? CitizenOutcome.Failed : CitizenOutcome.Refused);
        }

        var greeted = time.GetTimestamp();
        if (script.OptsIn && !await call.EndsWithinAsync(OptInAfter, time, cancellationToken))
        {
            await call.SendDigitsAsync("1", cancellationToken);
        }

        var patience = script.GivesUpAfter is { } limit ? TimeSpan.FromTicks(Math.Max(0, (limit - time.GetElapsedTime(greeted)).Ticks)) : Timeout.InfiniteTimeSpan;
        var waited = await Task.WhenAny(line.OperatorAnswered.Task, line.StaffAnswered.Task, call.Ended, Task.Delay(patience, time, cancellationToken));
        if (waited == call.Ended)
        {
            return Result(CitizenOutcome.EndedByServer);
        }

        if (waited != line.OperatorAnswered.Task && waited != line.StaffAnswered.Task)
        {
            await call.HangUpAsync(cancellationToken);
            return Result(CitizenOutcome.GaveUp); // an operator answering at this very moment finds the call gone
        }

        // The member of staff they dialled answered (the server answered the caller for them), or an operator did.
        var (helpedBy, staff) = waited == line.StaffAnswered.Task ? ((string?)null, await line.StaffAnswered.Task) : (await line.OperatorAnswered.Task, (string?)null);
        await Task.WhenAny(line.Served.Task, call.Ended, Task.Delay(LongestService, time, cancellationToken));
        if (call.Ended.IsCompleted || await call.EndsWithinAsync(LetGo, time, cancellationToken))
        {
            return Result(CitizenOutcome.Helped, helpedBy, staff: staff); // not in the survey: the server let the caller go
        }

        int? surveyAnswer = null;
        if (script.SurveyAnswer is { } key && !await call.EndsWithinAsync(AnswerAfter - LetGo, time, cancellationToken))
        {
            await call.SendDigitsAsync(key.ToString(CultureInfo.InvariantCulture), cancellationToken);
            surveyAnswer = key;
        }

        if (!await call.EndsWithinAsync(ServerWait, time, cancellationToken))
        {
            await call.HangUpAsync(cancellationToken);
        }

        return Result(CitizenOutcome.Helped, helpedBy, surveyAnswer, staff);
    }

    private CitizenResult Result(CitizenOutcome outcome, string? helpedBy = null, int? surveyAnswer = null, string? staff = null) =>
        new(line.Call, outcome, helpedBy, surveyAnswer) { AnsweredDirectBy = staff };
}
