using Omstilling.Calls.Events;
using Omstilling.Storage.Entities;

namespace Omstilling.History;

/// <summary>A call event as a row of <c>call_events</c>: its typed fields, enums by name, and who it concerned.</summary>
internal static class CallEventRows
{
    public static CallEventRecord From(CallEvent e, int sequence, PartyInfo? party) => new()
    {
        CallId = e.CallId,
        Sequence = sequence,
        Kind = e.Kind.ToString(),
        At = e.At,
        Caller = e.Caller,
        Dialled = e.Dialled,
        Party = e.Party,
        Operator = e.Operator,
        AnsweredBy = e.AnsweredBy,
        Digit = e.Digit?.ToString(),
        Decision = e.Decision?.ToString(),
        Rule = e.Rule?.ToString(),
        Target = e.Target,
        RouteFailure = e.RouteFailure?.ToString(),
        MenuId = e.MenuId,
        MenuOption = e.MenuOption,
        ChoiceOutcome = e.ChoiceOutcome?.ToString(),
        QueueId = e.QueueId,
        Position = e.Position,
        WaitedMs = e.Waited is { } waited ? (long)waited.TotalMilliseconds : null,
        Members = e.Members is { Count: > 0 } members ? string.Join(',', members) : null,
        Transfer = e.Transfer?.ToString(),
        Outcome = e.Outcome?.ToString(),
        RingEnd = e.RingEnd?.ToString(),
        EndReason = e.EndReason?.ToString(),
        Status = e.Status,
        VoicemailBox = e.VoicemailBox,
        Recording = e.Recording,
        PersonId = party?.PersonId,
        DepartmentId = party?.DepartmentId,
        AreaId = party?.AreaId,
    };

    /// <summary>The extension an event is about, for resolving the person: the party, else whoever answered.</summary>
    public static string? Subject(CallEvent e) => e.Party ?? e.AnsweredBy;
}
