namespace Omstilling.Storage.Entities;

/// <summary>
/// One event of a call as stored, written by the history writer (never on a call's thread). The
/// fields are the event's typed fields, enums by name; the person, department and area the event
/// concerned are what the directory said when it was written. Personal data: the caller's number
/// (anonymised after the policy's retention), the keys of a menu choice.
/// </summary>
public sealed class CallEventRecord
{
    public long Id { get; set; }

    public Guid CallId { get; set; }

    /// <summary>The event's place among the call's events (0 = first), the order they happened in.</summary>
    public int Sequence { get; set; }

    public required string Kind { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Caller { get; set; }

    public required string Dialled { get; set; }

    /// <summary>For a Started event: the caller came from outside (kept so that a call cut off by a restart can be closed from its events alone).</summary>
    public bool? External { get; set; }

    public string? Party { get; set; }

    public string? Operator { get; set; }

    public string? AnsweredBy { get; set; }

    public string? Digit { get; set; }

    public string? Decision { get; set; }

    public string? Rule { get; set; }

    public string? Target { get; set; }

    public string? RouteFailure { get; set; }

    public string? MenuId { get; set; }

    public string? MenuOption { get; set; }

    public string? ChoiceOutcome { get; set; }

    public string? QueueId { get; set; }

    public int? Position { get; set; }

    public long? WaitedMs { get; set; }

    /// <summary>The members offered the caller, comma-separated.</summary>
    public string? Members { get; set; }

    public string? Transfer { get; set; }

    public string? Outcome { get; set; }

    public string? RingEnd { get; set; }

    public string? EndReason { get; set; }

    public int? Status { get; set; }

    public string? VoicemailBox { get; set; }

    public string? Recording { get; set; }

    /// <summary>The directory person the event concerned (the party, the one who answered), when known.</summary>
    public string? PersonId { get; set; }

    public string? DepartmentId { get; set; }

    public string? AreaId { get; set; }
}
