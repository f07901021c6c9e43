using Omstilling.Calls.Control;
using Omstilling.Directory;
using Omstilling.Web.Cards;
using Omstilling.History.CallLists;

namespace Omstilling.Web.Console;

/// <summary>
/// The console's "Opkaldshistorik": today's switchboard calls and the callers nobody has answered,
/// from the shared <see cref="Live.SwitchboardHistory"/>, and the operator's marks "fejlstillet".
/// One per console; used on its circuit only.
/// </summary>
/// <param name="by">Who marks: the operator's extension (or, without one, their user name).</param>
/// <param name="phone">The operator's extension, which "Ring op" rings first; null without one (no "Ring op").</param>
public sealed class CallHistoryViewModel(IMisroutedMarks? marks, ISwitchboardControl? switchboard, string by, string? phone, DirectoryHolder directory, TimeZoneInfo zone)
{
    private readonly HashSet<Guid> _markedNow = [];
    private SwitchboardDay? _day;

    public bool Loaded => _day is not null;

    public IReadOnlyList<CallHistoryRow> Calls { get; private set; } = [];

    public IReadOnlyList<UnansweredRow> Unanswered { get; private set; } = [];

    /// <summary>Why the last mark or call-back failed, in Danish; null when it did not.</summary>
    public string? Problem { get; private set; }

    /// <summary>What the last "Ring op" started, in Danish; null when none did.</summary>
    public string? CallingBack { get; private set; }

    /// <summary>Takes a new reading of the day.</summary>
    public void Apply(SwitchboardDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        _day = day;
        Render();
    }

    /// <summary>
    /// Marks one of today's calls "fejlstillet" as this operator: only a call in the list that was put
    /// through to a person, and not marked yet. True when marked.
    /// </summary>
    public bool Mark(Guid callId)
    {
        Problem = null;
        if (marks is null || _day?.Calls.FirstOrDefault(c => c.CallId == callId) is not { PutThrough: true, MisroutedBy: null } || _markedNow.Contains(callId))
        {
            Problem = "Opkaldet kan ikke markeres som fejlstillet.";
            return false;
        }

        var result = marks.MarkMisrouted(callId, by, byOperator: true);
        switch (result)
        {
            case CallControlResult.Done:
                _markedNow.Add(callId);
                break;
            case CallControlResult.NoSuchCall:
            case CallControlResult.NotYourCall:
            case CallControlResult.NotNow:
            case CallControlResult.TargetUnavailable:
            case CallControlResult.UnknownTarget:
            case CallControlResult.TakenByOther:
            case CallControlResult.NotAllowed:
                Problem = "Opkaldet kunne ikke markeres. Prøv igen.";
                break;
            default:
                throw new System.Diagnostics.UnreachableException($"CallControlResult {result}");
        }

        Render();
        return Problem is null;
    }

    /// <summary>
    /// "Ring op" to one of the unanswered callers in the list: the operator's phone rings, then the
    /// caller's number. True when it started.
    /// </summary>
    public bool CallBack(Guid callId)
    {
        (Problem, CallingBack) = (null, null);
        if (switchboard is null || phone is null || _day?.Unanswered.FirstOrDefault(u => u.CallId == callId) is not { } caller)
        {
            Problem = "Der kan ikke ringes op herfra.";
            return false;
        }

        var number = CallHistoryText.Number(caller.Caller, directory.Current);
        var result = switchboard.CallBack(phone, caller.Caller);
        switch (result)
        {
            case CallControlResult.Done:
                CallingBack = $"Din telefon ringer. Tag den, så ringer vi op til {number}.";
                break;
            case CallControlResult.NotNow:
                Problem = "Din telefon er ikke ledig eller ikke logget på.";
                break;
            case CallControlResult.TargetUnavailable:
                Problem = $"{number} kan ikke ringes op lige nu.";
                break;
            case CallControlResult.UnknownTarget:
                Problem = $"{number} er ikke et nummer, der kan ringes op.";
                break;
            case CallControlResult.NotAllowed:
                Problem = $"Din telefon må ikke ringe til {number} (telefonpolitikken eller din rettighed).";
                break;
            case CallControlResult.NoSuchCall:
            case CallControlResult.NotYourCall:
            case CallControlResult.TakenByOther:
                Problem = "Opkaldet kunne ikke startes. Prøv igen.";
                break;
            default:
                throw new System.Diagnostics.UnreachableException($"CallControlResult {result}");
        }

        return CallingBack is not null;
    }

    private void Render()
    {
        if (_day is null)
        {
            return;
        }

        var people = directory.Current;
        Calls = [.. _day.Calls.Select(c => Row(c, people))];
        Unanswered = [.. _day.Unanswered.Select(u => new UnansweredRow(
            u.CallId,
            CallHistoryText.Number(u.Caller, people),
            Omstilling.Directory.Text.DanishTime.Clock(u.CalledAt, zone),
            "ventede " + CallHistoryText.Duration(u.Waited),
            CallHistoryText.Note(u),
            CanCallBack: switchboard is not null && phone is not null))];
    }

    private CallHistoryRow Row(SwitchboardCall call, StaffDirectory people)
    {
        var marked = call.MisroutedBy is not null || _markedNow.Contains(call.CallId);
        return new CallHistoryRow(
            call.CallId,
            Omstilling.Directory.Text.DanishTime.Clock(call.ArrivedAt, zone),
            CallHistoryText.Number(call.Caller, people),
            CallHistoryText.Choices(call.MenuPath),
            CallHistoryText.Who(call.AnsweredBy, people),
            call.TransferTarget is null ? "–" : CallHistoryText.Who(call.TransferTarget, people),
            CallHistoryText.Outcome(call),
            CanMark: marks is not null && call.PutThrough && !marked,
            Marked: marked);
    }
}
