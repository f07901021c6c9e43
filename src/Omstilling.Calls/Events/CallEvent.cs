using Omstilling.Calls.Control;
using Omstilling.Policy.Routing;

namespace Omstilling.Calls.Events;

/// <summary>
/// Something that happened to a call. Events are the single source of truth for history, reports
/// and the live console (docs/architecture.md, "Call events"). What an event is about is in typed
/// fields, one set per kind (see <see cref="CallEventKind"/>), so consumers never parse text;
/// <see cref="Describe"/> puts them in words for logs and the status API. Immutable.
/// </summary>
public sealed record CallEvent(Guid CallId, CallEventKind Kind, DateTimeOffset At, string Caller, string Dialled)
{
    /// <summary>For <see cref="CallEventKind.Ended"/>: why.</summary>
    public CallEndReason? EndReason { get; init; }

    /// <summary>For <see cref="CallEventKind.Started"/>: the caller came from outside (a citizen through the trunk), not from one of our phones.</summary>
    public bool? External { get; init; }

    /// <summary>The SIP status the caller was given when the call ended unanswered; a phone's refusal for <see cref="CallEventKind.RingEnded"/>.</summary>
    public int? Status { get; init; }

    /// <summary>The extension that answered, for <see cref="CallEventKind.Answered"/>.</summary>
    public string? AnsweredBy { get; init; }

    /// <summary>
    /// The key pressed: a menu's choice (<see cref="CallEventKind.MenuChoice"/>), a key that is one
    /// of the menu's options but not offered now (<see cref="CallEventKind.InvalidChoice"/>), or a
    /// key on the installers' echo test (<see cref="CallEventKind.Digit"/>), the answer to the
    /// post-call survey (<see cref="CallEventKind.SurveyAnswered"/>). Any other key a caller
    /// types (a CPR number, a PIN) is never recorded.
    /// </summary>
    public char? Digit { get; init; }

    /// <summary>
    /// The extension the event is about: the phone ringing or done ringing, the party who held or
    /// left, the target of a transfer or camp-on, the person a diverted call was meant for.
    /// </summary>
    public string? Party { get; init; }

    /// <summary>The switchboard operator who acted (transferred, picked a caller, was recalled), when one did.</summary>
    public string? Operator { get; init; }

    /// <summary>For <see cref="CallEventKind.Routed"/>: what the policy decided.</summary>
    public DecisionKind? Decision { get; init; }

    /// <summary>For <see cref="CallEventKind.Routed"/>: the rule that decided it.</summary>
    public RuleKind? Rule { get; init; }

    /// <summary>
    /// For <see cref="CallEventKind.Routed"/>: what the decision names (the extensions rung, the
    /// queue, the menu, the message, the voicemail box or the external number).
    /// </summary>
    public string? Target { get; init; }

    /// <summary>For <see cref="CallEventKind.Routed"/>: the decision could not be carried out (no trunk for a forward).</summary>
    public RouteFailure? RouteFailure { get; init; }

    /// <summary>The menu, for <see cref="CallEventKind.MenuChoice"/> and <see cref="CallEventKind.InvalidChoice"/>.</summary>
    public string? MenuId { get; init; }

    /// <summary>The option chosen (its label), for <see cref="CallEventKind.MenuChoice"/>.</summary>
    public string? MenuOption { get; init; }

    /// <summary>For <see cref="CallEventKind.InvalidChoice"/>: why the key led nowhere; null when no key came at all.</summary>
    public MenuChoiceOutcome? ChoiceOutcome { get; init; }

    /// <summary>The queue, for <see cref="CallEventKind.Queued"/>, <see cref="CallEventKind.PositionAnnounced"/> and <see cref="CallEventKind.QueueTimedOut"/>.</summary>
    public string? QueueId { get; init; }

    /// <summary>The caller's place in the queue (1 = next), for <see cref="CallEventKind.Queued"/> and <see cref="CallEventKind.PositionAnnounced"/>.</summary>
    public int? Position { get; init; }

    /// <summary>How long the caller waited, for <see cref="CallEventKind.QueueTimedOut"/>.</summary>
    public TimeSpan? Waited { get; init; }

    /// <summary>The members whose phones ring for the caller, for <see cref="CallEventKind.Offered"/>.</summary>
    public IReadOnlyList<string>? Members { get; init; }

    /// <summary>How the operator puts the caller through, for <see cref="CallEventKind.TransferStarted"/> (null: to voicemail).</summary>
    public TransferKind? Transfer { get; init; }

    /// <summary>Why a person did not take the call: <see cref="CallEventKind.Diverted"/>, <see cref="CallEventKind.TransferFailed"/>, <see cref="CallEventKind.Recalled"/>.</summary>
    public RingOutcome? Outcome { get; init; }

    /// <summary>Why a person's phones stopped ringing, for <see cref="CallEventKind.RingEnded"/>.</summary>
    public RingEndReason? RingEnd { get; init; }

    /// <summary>The voicemail box, for <see cref="CallEventKind.Voicemail"/> and a <see cref="CallEventKind.TransferStarted"/> to voicemail.</summary>
    public string? VoicemailBox { get; init; }

    /// <summary>The recording's file name in the box's folder, for <see cref="CallEventKind.Voicemail"/>.</summary>
    public string? Recording { get; init; }

    /// <summary>The event in words (logs, the status API's <c>detail</c>): the kind's own fields, no personal data beyond them.</summary>
    public string? Describe() => Kind switch
    {
        CallEventKind.Routed when RouteFailure is { } failure => Invariant($"{Decision} {Target}: {failure}"),
        CallEventKind.Routed => Target is null ? Invariant($"{Decision} ({Rule})") : Invariant($"{Decision} {Target} ({Rule})"),
        CallEventKind.MenuChoice => $"{MenuId}: {MenuOption}",
        CallEventKind.InvalidChoice => $"{MenuId}: {(ChoiceOutcome is { } choice ? choice.ToString() : "no key")}",
        CallEventKind.Queued => Invariant($"{QueueId}: {Position}"),
        CallEventKind.PositionAnnounced => Invariant($"{Position}"),
        CallEventKind.QueueTimedOut => Invariant($"{QueueId}: waited {Waited?.TotalSeconds} s"),
        CallEventKind.Offered => string.Join(',', Members ?? []),
        CallEventKind.TransferStarted => Transfer switch
        {
            TransferKind.Blind => "blind",
            TransferKind.Announced => "announced",
            TransferKind.CampOn => "camp-on",
            null => "voicemail",
            _ => throw new System.Diagnostics.UnreachableException($"TransferKind {Transfer}"),
        },
        CallEventKind.Diverted or CallEventKind.TransferFailed or CallEventKind.Recalled => Outcome is { } outcome ? Words(outcome) : null,
        CallEventKind.RingEnded => RingEnd is { } end ? Words(end) : null,
        CallEventKind.Voicemail => $"{VoicemailBox}: {Recording}",
        CallEventKind.Started or CallEventKind.Ringing or CallEventKind.Answered or CallEventKind.Held or CallEventKind.Resumed
            or CallEventKind.Digit or CallEventKind.ConsultAnswered or CallEventKind.TransferCompleted or CallEventKind.CampOn
            or CallEventKind.PartyLeft or CallEventKind.Ended or CallEventKind.SurveyInvited or CallEventKind.SurveyOptedIn
            or CallEventKind.SurveyAsked => null,
        CallEventKind.MarkedMisrouted => $"by {Operator ?? Party}",
        CallEventKind.SurveyAnswered => $"answer {Digit}",
        _ => throw new System.Diagnostics.UnreachableException($"CallEventKind {Kind} is not described"),
    };

    private static string Words(RingOutcome outcome) => outcome switch
    {
        RingOutcome.Busy => "busy",
        RingOutcome.NoAnswer => "no answer",
        RingOutcome.Unavailable => "unavailable",
        RingOutcome.Refused => "refused",
        RingOutcome.HungUp => "hung up",
        RingOutcome.Returned => "returned",
        RingOutcome.PassedBack => "passed back",
        RingOutcome.Absent => "absent",
        RingOutcome.Forwarded => "forwarded",
        RingOutcome.ForwardingCut => "forwarding cut",
        _ => throw new System.Diagnostics.UnreachableException($"RingOutcome {outcome}"),
    };

    private static string Words(RingEndReason reason) => reason switch
    {
        RingEndReason.Cancelled => "cancelled",
        RingEndReason.Busy => "busy",
        RingEndReason.NoAnswer => "no answer",
        RingEndReason.Refused => "refused",
        RingEndReason.AnsweredElsewhere => "answered elsewhere",
        RingEndReason.NoUsableMedia => "no usable media",
        RingEndReason.CallerGone => "caller gone",
        _ => throw new System.Diagnostics.UnreachableException($"RingEndReason {reason}"),
    };

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
