namespace Omstilling.Storage.Entities;

/// <summary>
/// One call as a whole, derived from its events when it ends (see the History project's
/// CallRecordBuilder and docs/history.md): arrival, the number dialled, the menu path, the queue
/// wait, who answered and when, transfers and their outcome, recalls, voicemail, the survey's
/// answer and how it ended. The phones that rang are its <see cref="Rings"/>.
/// </summary>
public sealed class CallRecord
{
    public Guid CallId { get; set; }

    public DateTimeOffset ArrivedAt { get; set; }

    public DateTimeOffset EndedAt { get; set; }

    public required string Caller { get; set; }

    public required string Dialled { get; set; }

    /// <summary>The caller came from outside (a citizen through the trunk), not from one of our phones.</summary>
    public bool External { get; set; }

    /// <summary>The menu choices in order, as "menu:option" joined by " > ".</summary>
    public string? MenuPath { get; set; }

    /// <summary>The queue the caller waited in, if any.</summary>
    public string? QueueId { get; set; }

    /// <summary>From joining the queue to an answer or to leaving it.</summary>
    public long? QueueWaitMs { get; set; }

    /// <summary>The first time a phone rang for the caller (or a queue offered the caller), the start of "answered within the ring limit".</summary>
    public DateTimeOffset? FirstRingAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public string? AnsweredBy { get; set; }

    /// <summary>The switchboard operator who had the call, when one did.</summary>
    public string? Operator { get; set; }

    public int Transfers { get; set; }

    /// <summary>The last transfer's target and what became of it (Completed, or a RingOutcome's name).</summary>
    public string? TransferTarget { get; set; }

    public string? TransferOutcome { get; set; }

    public int Recalls { get; set; }

    public string? VoicemailBox { get; set; }

    /// <summary>The caller's answer to the post-call survey (1–5), when asked and answered.</summary>
    public int? SurveyAnswer { get; set; }

    /// <summary>
    /// Who marked the call "fejlstillet" (it reached the wrong person): the person it was put through
    /// to, or an operator; null when nobody did. A marked transfer is not a correct one.
    /// </summary>
    public string? MisroutedBy { get; set; }

    /// <summary>Nobody took the call before the caller hung up (in a queue, a menu, or while phones rang).</summary>
    public bool Abandoned { get; set; }

    public required string EndReason { get; set; }

    public int? Status { get; set; }

    /// <summary>The person the call was for or was answered by, with their department and area, as the directory said then.</summary>
    public string? PersonId { get; set; }

    public string? DepartmentId { get; set; }

    public string? AreaId { get; set; }

    public List<CallRingRecord> Rings { get; set; } = [];
}

/// <summary>A phone (a person's) that rang for a call: from when, for how long, and how it ended.</summary>
public sealed class CallRingRecord
{
    public long Id { get; set; }

    public Guid CallId { get; set; }

    public required string Party { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset EndedAt { get; set; }

    /// <summary>Answered, or why it stopped (a RingEndReason's name).</summary>
    public required string Outcome { get; set; }

    public string? PersonId { get; set; }

    public string? DepartmentId { get; set; }
}
