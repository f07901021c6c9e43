using Omstilling.Calls.Events;
using Omstilling.Storage.Entities;

namespace Omstilling.History;

/// <summary>
/// One call's record from its events, in the order they happened (docs/history.md says what each
/// field means). Pure: the same events give the same record, so reports computed from records can
/// be checked against events written by hand.
/// </summary>
internal static class CallRecordBuilder
{
    /// <summary>Outcome of a ring that ended in an answer.</summary>
    public const string Answered = "Answered";

    /// <summary>Outcome of a ring still going when the call ended.</summary>
    public const string CallEnded = "CallEnded";

    /// <summary>A transfer that went to voicemail.</summary>
    public const string Voicemail = "Voicemail";

    /// <summary>A transfer the target took.</summary>
    public const string Completed = "Completed";

    /// <summary>A transfer still under way when the caller left.</summary>
    public const string Unfinished = "Unfinished";

    /// <param name="events">Every event of one call, from Started to Ended.</param>
    /// <param name="resolve">Who an extension is (at the time of writing).</param>
    public static CallRecord Build(IReadOnlyList<CallEvent> events, Func<string?, PartyInfo?> resolve)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(resolve);
        if (events.Count == 0)
        {
            throw new ArgumentException("A call record needs the call's events.", nameof(events));
        }

        var first = events[0];
        var last = events[^1];
        var record = new CallRecord
        {
            CallId = first.CallId,
            ArrivedAt = first.At,
            EndedAt = last.At,
            Caller = first.Caller,
            Dialled = first.Dialled,
            EndReason = (last.Kind == CallEventKind.Ended ? last.EndReason : null)?.ToString() ?? CallEnded,
            Status = last.Kind == CallEventKind.Ended ? last.Status : null,
        };

        var menuPath = new List<string>();
        var openRings = new Dictionary<string, CallRingRecord>(StringComparer.Ordinal);
        DateTimeOffset? queuedAt = null;
        string? concerned = null;
        foreach (var e in events)
        {
            Apply(record, e, menuPath, openRings, ref queuedAt, ref concerned, resolve);
        }

        foreach (var ring in openRings.Values)
        {
            Close(record, ring, last.At, CallEnded);
        }

        if (queuedAt is { } since && record.QueueWaitMs is null)
        {
            record.QueueWaitMs = Milliseconds(last.At - since);
        }

        record.MenuPath = menuPath.Count > 0 ? string.Join(" > ", menuPath) : null;
        record.Abandoned = record.AnsweredAt is null && record.VoicemailBox is null
            && (record.QueueId is not null || record.FirstRingAt is not null)
            && last.EndReason is CallEndReason.CallerHungUp or CallEndReason.CallerCancelled;
        if (resolve(concerned) is { } party)
        {
            (record.PersonId, record.DepartmentId, record.AreaId) = (party.PersonId, party.DepartmentId, party.AreaId);
        }

        record.Rings.Sort((a, b) => a.StartedAt.CompareTo(b.StartedAt));
        return record;
    }

    private static void Apply(CallRecord record, CallEvent e, List<string> menuPath, Dictionary<string, CallRingRecord> openRings, ref DateTimeOffset? queuedAt, ref string? concerned, Func<string?, PartyInfo?> resolve)
    {
        switch (e.Kind)
        {
            case CallEventKind.Started:
                record.External = e.External ?? false;
                break;
            case CallEventKind.MenuChoice:
                menuPath.Add($"{e.MenuId}:{e.MenuOption}");
                break;
            case CallEventKind.Queued:
                record.QueueId ??= e.QueueId;
                queuedAt ??= e.At;
                break;
            case CallEventKind.Offered:
                record.FirstRingAt ??= e.At;
                break;
            case CallEventKind.Ringing when e.Party is { } party:
                record.FirstRingAt ??= e.At;
                if (!openRings.ContainsKey(party))
                {
                    var who = resolve(party);
                    openRings[party] = new CallRingRecord { CallId = e.CallId, Party = party, StartedAt = e.At, Outcome = CallEnded, PersonId = who?.PersonId, DepartmentId = who?.DepartmentId };
                }

                concerned ??= party;
                break;
            case CallEventKind.RingEnded when e.Party is { } party && openRings.Remove(party, out var ring):
                Close(record, ring, e.At, e.RingEnd?.ToString() ?? CallEnded);
                break;
            case CallEventKind.Answered:
                if (record.AnsweredAt is null)
                {
                    record.AnsweredAt = e.At;
                    record.AnsweredBy = e.AnsweredBy;
                    if (queuedAt is { } since)
                    {
                        record.QueueWaitMs = Milliseconds(e.At - since);
                    }
                }

                record.Operator ??= e.Operator;
                CloseAnswered(record, openRings, e.AnsweredBy, e.At);
                concerned = e.AnsweredBy ?? concerned;
                break;
            case CallEventKind.ConsultAnswered:
                CloseAnswered(record, openRings, e.Party, e.At);
                break;
            case CallEventKind.TransferStarted:
                if (record.TransferOutcome == Completed && e.Operator is { } by && by == record.TransferTarget)
                {
                    // The person a transfer reached passed the caller on from their phone: that transfer was not right.
                    record.MisroutedBy ??= by;
                }

                record.Transfers++;
                record.Operator ??= e.Operator;
                record.TransferTarget = e.Party;
                record.TransferOutcome = e.Transfer is null ? Voicemail : Unfinished;
                concerned = e.Party ?? concerned;
                break;
            case CallEventKind.TransferCompleted:
                record.TransferOutcome = Completed;
                break;
            case CallEventKind.TransferFailed:
                record.TransferOutcome = e.Outcome?.ToString() ?? Unfinished;
                break;
            case CallEventKind.Recalled:
                record.Recalls++;
                break;
            case CallEventKind.Voicemail:
                record.VoicemailBox = e.VoicemailBox;
                break;
            case CallEventKind.MarkedMisrouted:
                record.MisroutedBy ??= e.Operator ?? e.Party ?? "?";
                break;
            case CallEventKind.SurveyAnswered when e.Digit is >= '1' and <= '9':
                record.SurveyAnswer = e.Digit.Value - '0';
                break;
            case CallEventKind.Ringing or CallEventKind.RingEnded or CallEventKind.Held or CallEventKind.Resumed
                or CallEventKind.Digit or CallEventKind.Routed or CallEventKind.InvalidChoice or CallEventKind.PositionAnnounced
                or CallEventKind.Diverted or CallEventKind.CampOn or CallEventKind.PartyLeft or CallEventKind.QueueTimedOut
                or CallEventKind.Ended or CallEventKind.SurveyInvited or CallEventKind.SurveyOptedIn or CallEventKind.SurveyAsked
                or CallEventKind.SurveyAnswered:
                break; // nothing of the record beyond the event itself
            default:
                throw new System.Diagnostics.UnreachableException($"CallEventKind {e.Kind}");
        }
    }

    private static void CloseAnswered(CallRecord record, Dictionary<string, CallRingRecord> openRings, string? party, DateTimeOffset at)
    {
        if (party is not null && openRings.Remove(party, out var ring))
        {
            Close(record, ring, at, Answered);
        }
    }

    private static void Close(CallRecord record, CallRingRecord ring, DateTimeOffset at, string outcome)
    {
        ring.EndedAt = at;
        ring.Outcome = outcome;
        record.Rings.Add(ring);
    }

    private static long Milliseconds(TimeSpan span) => (long)Math.Max(0, span.TotalMilliseconds);
}
