using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Policy.Routing;
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
        External = e.External,
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

    /// <summary>
    /// The event a row was written from (its typed fields back; a name no member of today's enum has
    /// reads as null), to close a call from its stored events. Null when the row's kind is unknown.
    /// </summary>
    public static CallEvent? ToEvent(CallEventRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!Enum.TryParse<CallEventKind>(row.Kind, out var kind))
        {
            return null;
        }

        return new CallEvent(row.CallId, kind, row.At, row.Caller, row.Dialled)
        {
            External = row.External,
            Party = row.Party,
            Operator = row.Operator,
            AnsweredBy = row.AnsweredBy,
            Digit = row.Digit is [var digit] ? digit : null,
            Decision = Parse<DecisionKind>(row.Decision),
            Rule = Parse<RuleKind>(row.Rule),
            Target = row.Target,
            RouteFailure = Parse<RouteFailure>(row.RouteFailure),
            MenuId = row.MenuId,
            MenuOption = row.MenuOption,
            ChoiceOutcome = Parse<MenuChoiceOutcome>(row.ChoiceOutcome),
            QueueId = row.QueueId,
            Position = row.Position,
            Waited = row.WaitedMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
            Members = row.Members?.Split(','),
            Transfer = Parse<TransferKind>(row.Transfer),
            Outcome = Parse<RingOutcome>(row.Outcome),
            RingEnd = Parse<RingEndReason>(row.RingEnd),
            EndReason = Parse<CallEndReason>(row.EndReason),
            Status = row.Status,
            VoicemailBox = row.VoicemailBox,
            Recording = row.Recording,
        };
    }

    private static TEnum? Parse<TEnum>(string? name)
        where TEnum : struct, Enum => name is not null && Enum.TryParse<TEnum>(name, out var value) ? value : null;

    /// <summary>An enum value's name, as <see cref="Enum.ToString()"/> gives it, without boxing the value.</summary>
    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => Enum.GetName(value) ?? value.ToString();

    private static string? Name<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } known ? Name(known) : null;

    /// <summary>The extension an event is about, for resolving the person: the party, else whoever answered.</summary>
    public static string? Subject(CallEvent e) => e.Party ?? e.AnsweredBy;
}
