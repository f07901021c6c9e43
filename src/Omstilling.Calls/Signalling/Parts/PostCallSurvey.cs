using Omstilling.Calls.Events;
using Omstilling.Calls.Media;
using Omstilling.Policy.Model;
using Omstilling.Sip.Timing;

namespace Omstilling.Calls.Signalling;

/// <summary>Where a caller is with the post-call survey.</summary>
internal enum SurveyState
{
    /// <summary>Not invited: no survey, not a caller it asks, or not sampled.</summary>
    NotInvited,

    /// <summary>The invitation was read; the survey's key takes part until a person talks to the caller.</summary>
    Invited,

    /// <summary>The caller takes part: when the staff side hangs up, the caller stays for the question.</summary>
    OptedIn,

    /// <summary>The staff side hung up; the question is read and the caller's key awaited.</summary>
    Asking,

    /// <summary>Answered, or no answer came in time: the call ends.</summary>
    Done,
}

/// <summary>
/// The post-call survey of one call (the policy's <c>survey:</c>; docs/kpis.md, "Satisfied"): the
/// invitation read at the start, the caller's opt-in key, and, when the staff side hangs up on a
/// caller who opted in, the question, the answer (a <see cref="CallEventKind.SurveyAnswered"/>
/// event) and the thanks before the platform hangs up. Owned by its call and used under the call's lock.
/// </summary>
internal sealed class PostCallSurvey(ICallSteps call, SipScheduler scheduler, TimeSpan answerTime)
{
    private PolicySurvey? _survey;
    private ScheduledTimer? _timeout;

    public SurveyState State { get; private set; }

    /// <summary>Invites the caller: the invitation's prompt to read (after any greeting), or null when invited already.</summary>
    public string? Invite(PolicySurvey survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        if (State != SurveyState.NotInvited)
        {
            return null;
        }

        _survey = survey;
        State = SurveyState.Invited;
        call.Emit(call.Event(CallEventKind.SurveyInvited));
        return PolicyPrompts.Key(survey.Invitation.Name);
    }

    /// <summary>A key of the caller's that no menu or recording took; false when it is not the survey's (it goes on to the other party).</summary>
    public bool OnKey(char key, bool talking) => State switch
    {
        SurveyState.Invited when !talking && key == PolicySurvey.OptInKey => OptIn(),
        SurveyState.Asking => Answer(key),
        SurveyState.NotInvited or SurveyState.Invited or SurveyState.OptedIn or SurveyState.Done => false,
        _ => throw new System.Diagnostics.UnreachableException($"SurveyState {State}"),
    };

    /// <summary>
    /// <paramref name="party"/> (the staff side) hung up: a caller who opted in stays on the line
    /// and hears the question (true; the party has left the call); otherwise the call is over (false).
    /// </summary>
    public bool AskAfterHangUp(string party)
    {
        if (State != SurveyState.OptedIn || _survey is not { } survey)
        {
            return false;
        }

        State = SurveyState.Asking;
        call.Emit(call.Event(CallEventKind.PartyLeft) with { Party = party });
        call.Emit(call.Event(CallEventKind.SurveyAsked));
        call.PlayThen([PolicyPrompts.Key(survey.Question.Name)], WaitForAnswer);
        return true;
    }

    /// <summary>The call ended: no answer is awaited any more.</summary>
    public void Close() => _timeout?.Cancel();

    private bool OptIn()
    {
        State = SurveyState.OptedIn;
        call.Emit(call.Event(CallEventKind.SurveyOptedIn));
        return true;
    }

    private bool Answer(char key)
    {
        // A key off the scale is not an answer: the question said which keys are; the caller may try again.
        if (_survey!.AnswerOf(key) is null)
        {
            return true;
        }

        _timeout?.Cancel();
        State = SurveyState.Done;
        call.Emit(call.Event(CallEventKind.SurveyAnswered) with { Digit = key });
        call.PlayThen([PolicyPrompts.Key(_survey.Thanks.Name)], () => call.HangUp(CallEndReason.CalleeHungUp));
        return true;
    }

    private void WaitForAnswer() =>
        _timeout = scheduler.Schedule(answerTime, _ => call.Locked(NoAnswer, "the survey's answer time"));

    private void NoAnswer()
    {
        if (State != SurveyState.Asking)
        {
            return;
        }

        State = SurveyState.Done;
        call.PlayThen(["farvel"], () => call.HangUp(CallEndReason.CalleeHungUp));
    }
}
