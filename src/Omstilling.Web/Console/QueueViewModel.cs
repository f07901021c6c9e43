using System.Diagnostics;
using Omstilling.Calls.Control;
using Omstilling.Calls.Queues;
using Omstilling.Policy.Model;
using Omstilling.Web.Cards;
using Omstilling.Web.Live;

namespace Omstilling.Web.Console;

/// <summary>
/// The queue panel: the callers waiting for the switchboard (first to be answered first), the
/// operators and what each is doing, and taking a caller ("Besvar", Alt+B), offered only to an
/// operator whose phone can ring for it. Not thread-safe: one per console, used on its circuit.
/// </summary>
public sealed class QueueViewModel
{
    private readonly ISwitchboardControl _calls;
    private readonly IPhonePresence _presence;
    private readonly DirectoryHolder _directory;
    private readonly string? _me;
    private readonly ConsoleFeedback _feedback;

    /// <param name="me">The operator's extension; null for a user without a phone, who only watches.</param>
    public QueueViewModel(ISwitchboardControl calls, IPhonePresence presence, DirectoryHolder directory, string? me, ConsoleFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(presence);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(feedback);
        _calls = calls;
        _presence = presence;
        _directory = directory;
        _me = me;
        _feedback = feedback;
    }

    public IReadOnlyList<WaitingCaller> Waiting { get; private set; } = [];

    public IReadOnlyList<OperatorRow> Operators { get; private set; } = [];

    /// <summary>The console's own operator; null for a user without a phone.</summary>
    public OperatorStatus? Mine { get; private set; }

    public PickState PickState { get; private set; } = PickState.NoPhone;

    /// <summary>"Besvar" is on the list (pressable only when <see cref="PickState"/> is possible): for an operator whose phone is registered.</summary>
    public bool ShowsAnswer => PickState is PickState.Possible or PickState.InCall or PickState.Ringing;

    /// <summary>Why "Besvar" cannot be pressed now, or null when it can.</summary>
    public string? AnswerRefusal => PickState switch
    {
        PickState.Possible => null,
        PickState.NoPhone => ConsoleText.NoPhone,
        PickState.PhoneOffline => "Din telefon er ikke logget på. Log den på for at besvare opkald.",
        PickState.InCall => "Du er allerede i en samtale.",
        PickState.Ringing => "Din telefon ringer allerede.",
        _ => throw new UnreachableException($"Not a pick state: {PickState}"),
    };

    /// <summary>Takes the board's queue and operators; the operator's own state from the same snapshot.</summary>
    public void Apply(BoardSnapshot board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var waiting = new List<WaitingCaller>(board.Waiting.Count);
        foreach (var entry in board.Waiting)
        {
            if (board.Call(entry.CallId) is { } call)
            {
                waiting.Add(Row(entry, call));
            }
        }

        Waiting = waiting;
        Operators = [.. board.Operators.Select(m => new OperatorRow(NameOf(m.Extension), m.Extension, m.Extension == _me, OperatorStatus.Of(m, board.Waiting)))];
        Mine = _me is null ? null : OperatorStatus.Of(board.Operator(_me) ?? Unlisted(_me), board.Waiting);
        PickState = Mine?.Activity switch
        {
            null => PickState.NoPhone,
            OperatorActivity.InCall => PickState.InCall,
            OperatorActivity.Ringing => PickState.Ringing,
            OperatorActivity.PhoneOffline => PickState.PhoneOffline,
            // Picking is the operator's own choice: a pause or a logout only keeps the queue from offering them callers.
            OperatorActivity.LoggedOut or OperatorActivity.Paused or OperatorActivity.Ready => PickState.Possible,
            _ => throw new UnreachableException($"Not an operator activity: {Mine.Activity}"),
        };
    }

    /// <summary>The operator takes this caller: their phone rings for it (or they are told why not).</summary>
    public void Answer(Guid callId)
    {
        var refusal = AnswerRefusal;
        if (refusal is not null || _me is null)
        {
            _feedback.Refuse(refusal ?? ConsoleText.NoPhone);
            return;
        }

        var result = _calls.Pick(callId, _me);
        if (result == CallControlResult.Done)
        {
            _feedback.Say("Din telefon ringer med opkaldet.");
        }
        else
        {
            _feedback.Refuse(ConsoleText.PickRefused(result));
        }
    }

    /// <summary>Alt+B: the first caller no phone rings for yet, else the first.</summary>
    public void AnswerNext()
    {
        var next = Waiting.FirstOrDefault(w => w.RingingAt is null) ?? (Waiting.Count > 0 ? Waiting[0] : null);
        if (next is null)
        {
            _feedback.Say("Ingen venter i køen.");
            return;
        }

        Answer(next.CallId);
    }

    private WaitingCaller Row(QueueEntry entry, CallView call) => new(
        entry.CallId,
        entry.Position,
        DanishNumber.Display(call.Caller),
        DanishNumber.Display(call.Dialled),
        entry.Since,
        entry.Recalled && call.Recall is { } recall ? ConsoleText.Recall(NameOf(recall.Target), recall.Outcome) : null,
        call.Diversion is { } diversion ? $"Ringede til {NameOf(diversion.Party)}, {ConsoleText.Outcome(diversion.Outcome)}" : null,
        call.MenuChoices,
        entry.OfferedTo.Count > 0 ? "Ringer hos " + string.Join(", ", entry.OfferedTo.Select(NameOf)) : null);

    /// <summary>A user whose extension is not one of the policy's operators: their phone's state without a place in the queue.</summary>
    private MemberState Unlisted(string extension)
    {
        var phone = _presence.StateOf(extension);
        return new MemberState(extension, phone != PhoneState.Offline, LoggedIn: false, PausedReason: null, phone);
    }

    private string NameOf(string extension) => _directory.Current.FindByExtension(extension)?.Name ?? extension;
}
