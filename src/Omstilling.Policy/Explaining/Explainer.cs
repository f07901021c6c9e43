using System.Diagnostics;
using Omstilling.Policy.Routing;
using Omstilling.Policy.Schedule;

namespace Omstilling.Policy.Explaining;

/// <summary>
/// Builds an <see cref="Explanation"/> from routing decisions: the same code path as live calls,
/// put into words. One instance per explanation; not thread-safe. Split by concern: the
/// summary and rules here, decisions and actions in <c>Explainer.Decisions.cs</c>, dates and
/// names in <c>Explainer.Words.cs</c>.
/// </summary>
internal sealed partial class Explainer(TelephonePolicy policy, ExplainLanguage language, IPolicyState state)
{
    /// <summary>Menus inside menus are expanded this deep; deeper ones are only named.</summary>
    private const int MaxMenuDepth = 4;

    private readonly TelephonePolicy _policy = policy;
    private readonly IPolicyState _state = state;
    private readonly bool _english = language == ExplainLanguage.English;
    private readonly List<ExplanationStep> _steps = [];
    private DateTime _local;

    /// <summary>The instant explained; every menu option is resolved at it.</summary>
    private DateTimeOffset Instant { get; set; }

    public Explanation Explain(string number, ResolvedLocalTime time)
    {
        var decision = _policy.Route(number, time.Instant, _state);
        _local = decision.LocalTime;
        Instant = time.Instant;
        var summary = TimeNote(time) + Status(number, decision);
        DescribeDecision(decision, 0, []);
        return new Explanation(
            number,
            time.Requested,
            time.Instant,
            time.Kind,
            _english ? ExplainLanguage.English : ExplainLanguage.Danish,
            decision.Kind,
            decision.Rule.Kind,
            decision.Rule.Source?.ToString(),
            summary,
            [.. _steps]);
    }

    private string T(string danish, string english) => _english ? english : danish;

    private void Step(int depth, string text) => _steps.Add(new ExplanationStep(depth, text));

    private string TimeNote(ResolvedLocalTime time) => time.Kind switch
    {
        LocalTimeKind.Skipped => T(
            $"{Capital(At(time.Requested))} findes ikke: urene stilles frem over den time (sommertid begynder). Forklaringen gælder kl. {Clock(_policy.ToLocal(time.Instant))} ({Offset(time.Instant)}). ",
            $"{Capital(At(time.Requested))} does not exist: the clocks skip that hour (summer time begins). This explains {Clock(_policy.ToLocal(time.Instant))} ({Offset(time.Instant)}) instead. "),
        LocalTimeKind.Ambiguous => T(
            $"{Capital(At(time.Requested))} forekommer to gange, fordi urene stilles en time tilbage (sommertid slutter). Forklaringen gælder den første, i sommertid ({Offset(time.Instant)}); den anden er {Offset(time.LaterInstant!.Value)}. ",
            $"{Capital(At(time.Requested))} happens twice, because the clocks go back an hour (summer time ends). This explains the first, in summer time ({Offset(time.Instant)}); the second is {Offset(time.LaterInstant!.Value)}. "),
        LocalTimeKind.Unique => string.Empty,
        _ => throw new UnreachableException($"Not a local time kind: {time.Kind}"),
    };

    /// <summary>The first sentence: when, what was dialled, open or closed and why.</summary>
    private string Status(string dialled, RoutingDecision decision)
    {
        var when = Capital(At(decision.LocalTime));
        if (decision.Kind == DecisionKind.NotFound)
        {
            return T($"{when}: nummeret {dialled} findes ikke i politikkens nummerplan.", $"{when}: the number {dialled} is not in the policy's number plan.");
        }

        var what = decision.Number is { } n ? NumberLabel(n) : dialled;
        var rule = decision.Rule;
        var source = rule.Source is { } s ? $"; {s}" : string.Empty;
        if (rule.Kind == RuleKind.PersonalPhone)
        {
            return T(
                $"{when} ringer {what} direkte; en personlig telefon ringer på alle tider af døgnet{Paren(source)}.",
                $"{when}, {what} rings directly; a personal phone rings at any hour{Paren(source)}.");
        }

        var unit = rule.UnitId is { } id && _policy.Departments.TryGetValue(id, out var u) ? u.Name : what;
        var reason = Reason(rule);
        if (rule.Kind == RuleKind.NoOperatorLoggedIn)
        {
            return T(
                $"{when} ringer du til {what}. {unit} har åbent, men ingen telefonister er logget ind ({reason}{source}).",
                $"{when} you call {what}. {unit} is open, but no operator is logged in ({reason}{source}).");
        }

        return rule.IsOpen
            ? T($"{when} ringer du til {what}. {unit} har åbent ({reason}{source}).", $"{when} you call {what}. {unit} is open ({reason}{source}).")
            : T($"{when} ringer du til {what}. {unit} har lukket ({reason}{source}).", $"{when} you call {what}. {unit} is closed ({reason}{source}).");
    }

    private static string Paren(string source) => source.Length == 0 ? string.Empty : $" ({source[2..]})";

    /// <summary>Why a rule says open or closed, in words.</summary>
    private string Reason(DecidingRule rule)
    {
        var hours = rule.HoursToday is { IsClosedAllDay: false } h ? Spans(h) : null;
        return rule.Kind switch
        {
            RuleKind.WithinHours when rule.Day != DanishDay.None && hours is not null =>
                T($"{DayName(rule.Day)}: telefontid {hours}", $"{DayName(rule.Day)}: phone hours {hours}"),
            RuleKind.WithinHours => T($"telefontid i dag: {hours}", $"phone hours today: {hours}"),
            RuleKind.BeforeOpening => T($"telefontiden i dag er {hours}", $"today's phone hours are {hours}"),
            RuleKind.AfterClosing => T($"telefontiden i dag er {hours}", $"today's phone hours are {hours}"),
            RuleKind.ClosedWeekday => T($"ingen telefontid om {Weekday(_local)}en", $"no phone hours on {Weekday(_local)}s"),
            RuleKind.PublicHoliday => T($"{DayName(rule.Day)} er helligdag", $"{DayName(rule.Day)} is a public holiday"),
            RuleKind.OptionalClosingDay => T(
                $"{DayName(rule.Day)}, {DayMonth(_local)}, er lukkedag ifølge politikken",
                $"{DayName(rule.Day)}, {DayMonth(_local)}, is a closing day under the policy"),
            RuleKind.LocalClosingDay => T($"lukkedag: {rule.ClosingDay?.Name}", $"closing day: {rule.ClosingDay?.Name}"),
            RuleKind.DateException when rule.IsOpen => T(
                $"særlig telefontid denne dag: {hours}{Note(rule.Exception?.Note)}",
                $"special phone hours on this date: {hours}{Note(rule.Exception?.Note)}"),
            RuleKind.DateException => hours is null
                ? T($"lukket denne dag{Note(rule.Exception?.Note)}", $"closed on this date{Note(rule.Exception?.Note)}")
                : T($"særlig telefontid denne dag: {hours}{Note(rule.Exception?.Note)}", $"special phone hours on this date: {hours}{Note(rule.Exception?.Note)}"),
            RuleKind.HalfDay => T(
                $"{DayName(rule.Day)} er halv dag: telefontid {hours ?? "ingen"}",
                $"{DayName(rule.Day)} is a half day: phone hours {hours ?? "none"}"),
            RuleKind.ManualOverride => OverrideReason(rule.Override!),
            RuleKind.NoOperatorLoggedIn => hours is null
                ? T("åben", "open")
                : T($"telefontid i dag: {hours}", $"phone hours today: {hours}"),
            RuleKind.AlwaysOpen => T("åben hele døgnet", "open day and night"),
            RuleKind.NumberNotInPlan or RuleKind.PersonalPhone or RuleKind.Action or RuleKind.TooDeep => T("ifølge politikken", "under the policy"),
            _ => throw new UnreachableException($"Not a rule kind: {rule.Kind}"),
        };
    }

    private string OverrideReason(ManualOverride manual)
    {
        var state = manual.Mode == OverrideMode.ForceOpen ? T("åbnet", "opened") : T("lukket", "closed");
        var until = manual.Until is { } u ? T($" indtil {At(_policy.ToLocal(u))}", $" until {At(_policy.ToLocal(u))}") : string.Empty;
        var reason = manual.Reason is { } r ? $": {r}" : string.Empty;
        return T($"manuelt {state} af en administrator{until}{reason}", $"manually {state} by an admin{until}{reason}");
    }

    private static string Note(string? note) => note is null ? string.Empty : $" ({note})";
}
