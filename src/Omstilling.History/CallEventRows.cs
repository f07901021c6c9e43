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
        Kind = Name(e.Kind),
        At = e.At,
        Caller = e.Caller,
        Dialled = e.Dialled,
        Party = e.Party,
        Operator = e.Operator,
        AnsweredBy = e.AnsweredBy,
        Digit = e.Digit?.ToString(),
        Decision = Name(e.Decision),
        Rule = Name(e.Rule),
        Target = e.Target,
        RouteFailure = Name(e.RouteFailure),
        MenuId = e.MenuId,
        MenuOption = e.MenuOption,
        ChoiceOutcome = Name(e.ChoiceOutcome),
        QueueId = e.QueueId,
        Position = e.Position,
        WaitedMs = e.Waited is { } waited ? (long)waited.TotalMilliseconds : null,
        Members = e.Members is { Count: > 0 } members ? string.Join(',', members) : null,
        Transfer = Name(e.Transfer),
        Outcome = Name(e.Outcome),
        RingEnd = Name(e.RingEnd),
        EndReason = Name(e.EndReason),
        Status = e.Status,
        VoicemailBox = e.VoicemailBox,
        Recording = e.Recording,
        PersonId = party?.PersonId,
        DepartmentId = party?.DepartmentId,
        AreaId = party?.AreaId,
    };

    /// <summary>An enum value's name, as <see cref="Enum.ToString()"/> gives it, without boxing the value.</summary>
    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => Enum.GetName(value) ?? value.ToString();

    private static string? Name<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } known ? Name(known) : null;

    /// <summary>The extension an event is about, for resolving the person: the party, else whoever answered.</summary>
    public static string? Subject(CallEvent e) => e.Party ?? e.AnsweredBy;
}
