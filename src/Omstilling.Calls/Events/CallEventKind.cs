namespace Omstilling.Calls.Events;

/// <summary>What happened; each kind's doc says which fields of <see cref="CallEvent"/> it fills.</summary>
public enum CallEventKind
{
    /// <summary>A call arrived; emitted before the first decision is carried out (<see cref="CallEvent.External"/> says whether from outside).</summary>
    Started,

    /// <summary>A person's phone rings for the call (the first of their phones to send 180/183; <see cref="CallEvent.Party"/> says whose).</summary>
    Ringing,

    /// <summary>The person's last ringing phone stopped without taking the call (<see cref="CallEvent.RingEnd"/>, <see cref="CallEvent.Status"/>).</summary>
    RingEnded,

    /// <summary>A phone took the call (<see cref="CallEvent.AnsweredBy"/>; <see cref="CallEvent.Operator"/> when picked on the console).</summary>
    Answered,

    /// <summary>A party put the other on hold (re-INVITE sendonly or inactive, or the console); the other hears music.</summary>
    Held,

    Resumed,

    /// <summary>A key on the installers' echo test (<see cref="CallEvent.Digit"/>); keys elsewhere are not recorded.</summary>
    Digit,

    /// <summary>The policy decided what happens next (<see cref="CallEvent.Decision"/>, <see cref="CallEvent.Rule"/>, <see cref="CallEvent.Target"/>).</summary>
    Routed,

    /// <summary>A menu option was chosen (<see cref="CallEvent.MenuId"/>, <see cref="CallEvent.MenuOption"/>, <see cref="CallEvent.Digit"/>).</summary>
    MenuChoice,

    /// <summary>A key that leads nowhere now, or no key at all (<see cref="CallEvent.MenuId"/>, <see cref="CallEvent.ChoiceOutcome"/>).</summary>
    InvalidChoice,

    /// <summary>A voicemail is being recorded (<see cref="CallEvent.VoicemailBox"/>, <see cref="CallEvent.Recording"/>).</summary>
    Voicemail,

    /// <summary>The caller joined a queue (<see cref="CallEvent.QueueId"/>, <see cref="CallEvent.Position"/>).</summary>
    Queued,

    /// <summary>"Du er nummer x i køen" was played (<see cref="CallEvent.QueueId"/>, <see cref="CallEvent.Position"/>).</summary>
    PositionAnnounced,

    /// <summary>The queue offered the caller to <see cref="CallEvent.Members"/> (<see cref="CallEvent.Operator"/>: who picked it on the console).</summary>
    Offered,

    /// <summary>The call was meant for <see cref="CallEvent.Party"/>, who did not take it (<see cref="CallEvent.Outcome"/>), and went on as the policy says.</summary>
    Diverted,

    /// <summary>The operator puts the caller through to <see cref="CallEvent.Party"/> (<see cref="CallEvent.Transfer"/>, or to <see cref="CallEvent.VoicemailBox"/>).</summary>
    TransferStarted,

    /// <summary>The operator talks to the transfer target while the caller waits (an announced transfer).</summary>
    ConsultAnswered,

    /// <summary>The caller is connected to the transfer target (<see cref="CallEvent.Party"/>).</summary>
    TransferCompleted,

    /// <summary>The target did not take the transfer (<see cref="CallEvent.Outcome"/>).</summary>
    TransferFailed,

    /// <summary>An unanswered transfer comes back to the switchboard (<see cref="CallEvent.Operator"/>: whose phone rings, or none when queued; <see cref="CallEvent.Outcome"/>).</summary>
    Recalled,

    /// <summary>The caller waits for a busy person (<see cref="CallEvent.Party"/>), who is rung as soon as they are free.</summary>
    CampOn,

    /// <summary>A party left the call while it goes on (the operator after a transfer; <see cref="CallEvent.Party"/>).</summary>
    PartyLeft,

    /// <summary>The caller waited the queue's longest wait (<see cref="CallEvent.QueueId"/>, <see cref="CallEvent.Waited"/>) and goes on as the policy says.</summary>
    QueueTimedOut,

    /// <summary>The call is over (<see cref="CallEvent.EndReason"/>, <see cref="CallEvent.Status"/>).</summary>
    Ended,

    /// <summary>The post-call survey's invitation was read to the caller ("Tast 1, hvis du vil svare …").</summary>
    SurveyInvited,

    /// <summary>The caller pressed the survey's key: they are asked when the staff side hangs up.</summary>
    SurveyOptedIn,

    /// <summary>The staff side hung up on a caller who opted in: the question is read.</summary>
    SurveyAsked,

    /// <summary>The caller answered the survey's question (<see cref="CallEvent.Digit"/>: the answer, 1 to the scale).</summary>
    SurveyAnswered,

    /// <summary>
    /// The call reached the wrong person ("fejlstillet"): marked by the person it was put through to
    /// (<see cref="CallEvent.Party"/>, by phone or on the web) or by an operator (<see cref="CallEvent.Operator"/>),
    /// during the call or after it; such a transfer does not count as correct (docs/kpis.md).
    /// </summary>
    MarkedMisrouted,
}
