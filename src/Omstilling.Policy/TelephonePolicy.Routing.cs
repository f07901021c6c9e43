using System.Diagnostics;
using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;

namespace Omstilling.Policy;

/// <summary>
/// Routing: <c>(dialled number, instant, live state) → decision</c>. Pure and deterministic: the
/// same policy, instant and state always give the same decision. Allocates only the decision.
/// </summary>
public sealed partial class TelephonePolicy
{
    /// <summary>What to do with a call to <paramref name="dialledNumber"/> at <paramref name="instant"/>.</summary>
    /// <param name="dialledNumber">A Danish number in any accepted form (54731000, "54 73 10 00", +4554731000) or an extension.</param>
    public RoutingDecision Route(string dialledNumber, DateTimeOffset instant, IPolicyState state)
    {
        ArgumentNullException.ThrowIfNull(dialledNumber);
        ArgumentNullException.ThrowIfNull(state);
        var local = ToLocal(instant);
        if (!TryFindNumber(dialledNumber, out var number))
        {
            return new RoutingDecision
            {
                Kind = DecisionKind.NotFound,
                Rule = new DecidingRule(RuleKind.NumberNotInPlan, false),
                Instant = instant,
                LocalTime = local,
            };
        }

        return RouteNumber(number, null, new Moment(instant, local), state, 0, null);
    }

    /// <summary>
    /// What an action leads to at an instant: the call engine resolves a chosen menu option and an
    /// overflow rule (busy, no answer) with this when it happens.
    /// </summary>
    public RoutingDecision Resolve(PolicyAction action, DateTimeOffset instant, IPolicyState state)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(state);
        var context = new DecidingRule(RuleKind.Action, true) { Source = action.Source };
        return ResolveAction(action, context, new Moment(instant, ToLocal(instant)), state, 0);
    }

    /// <param name="cause">The rule that diverted the call here (a closed unit's), reported instead of this target's own.</param>
    private RoutingDecision RouteNumber(PlanNumber number, PolicyAction? action, Moment moment, IPolicyState state, int depth, DecidingRule? cause)
    {
        switch (number.Owner)
        {
            case NumberOwner.Switchboard:
                return RouteUnit(Switchboard, number, action, moment, state, depth, cause);
            case NumberOwner.Department when number.Kind != NumberKind.Extension:
                return RouteUnit(Departments[number.OwnerId], number, action, moment, state, depth, cause);
            case NumberOwner.Person:
                var person = People[number.OwnerId];
                var unit = Departments[person.DepartmentId];
                return Ring(unit, person, person.RingLimit, person.Overflow, number, action, moment, cause);
            case NumberOwner.Department:
                // A department's own extension: it rings at any hour, with the department's overflow.
                var department = Departments[number.OwnerId];
                return Ring(department, null, department.RingLimit, department.Overflow, number, action, moment, cause);
            case NumberOwner.Operator:
                // An operator's own extension: it rings at any hour, with the switchboard's overflow.
                return Ring(Switchboard, null, Switchboard.RingLimit, Switchboard.Overflow, number, action, moment, cause);
            default:
                throw new UnreachableException($"Not a number owner: {number.Owner}");
        }
    }

    private static RoutingDecision Ring(
        Department unit,
        Person? person,
        RingLimit ringLimit,
        OverflowRules overflow,
        PlanNumber number,
        PolicyAction? action,
        Moment moment,
        DecidingRule? cause) => new()
        {
            Kind = DecisionKind.Ring,
            Rule = cause ?? new DecidingRule(RuleKind.PersonalPhone, true) { Source = person?.Source ?? number.Source, UnitId = unit.Id },
            Instant = moment.Instant,
            LocalTime = moment.Local,
            Number = number,
            Action = action,
            Unit = unit,
            Person = person,
            Extensions = number.RingTargets,
            RingLimit = ringLimit,
            OnBusy = overflow.Busy,
            OnNoAnswer = overflow.NoAnswer,
            OutsideHours = overflow.OutsideHours,
        };

    private RoutingDecision RouteUnit(Department unit, PlanNumber? number, PolicyAction? action, Moment moment, IPolicyState state, int depth, DecidingRule? cause)
    {
        var target = unit.Kind == UnitKind.Switchboard ? OverrideTargetKind.Switchboard : OverrideTargetKind.Department;
        var rule = FindOverride(target, unit.Id, moment.Instant, state) is { } manual
            ? new DecidingRule(RuleKind.ManualOverride, manual.Mode == OverrideMode.ForceOpen) { Override = manual, Source = manual.Source, UnitId = unit.Id }
            : unit.Hours.Evaluate(moment.Date, moment.MinuteOfDay, Calendar, unit.Id);

        if (!rule.IsOpen)
        {
            var closed = cause ?? rule;
            return unit.Overflow.OutsideHours is { } outside
                ? ResolveAction(outside, closed, moment, state, depth + 1, number, unit)
                : Final(DecisionKind.Hangup, closed, moment, number, action, unit);
        }

        if (unit.Kind == UnitKind.Switchboard && !state.IsSwitchboardStaffed)
        {
            // The switchboard is open but nobody can answer: the automated attendant (the busy rule) takes over.
            var unstaffed = cause ?? rule with { Kind = RuleKind.NoOperatorLoggedIn, Source = unit.Overflow.Busy?.Source ?? rule.Source };
            return unit.Overflow.Busy is { } busy
                ? ResolveAction(busy, unstaffed, moment, state, depth + 1, number, unit)
                : Final(DecisionKind.Hangup, unstaffed, moment, number, action, unit);
        }

        var queue = unit.QueueId is { } queueId ? Queues[queueId] : null;
        return new RoutingDecision
        {
            Kind = queue is null ? DecisionKind.Ring : DecisionKind.Queue,
            Rule = cause ?? rule,
            Instant = moment.Instant,
            LocalTime = moment.Local,
            Number = number,
            Action = action,
            Unit = unit,
            Greeting = unit.Greeting,
            Queue = queue,
            Extensions = queue?.Members ?? unit.Extensions,
            RingLimit = unit.RingLimit,
            OnBusy = unit.Overflow.Busy,
            OnNoAnswer = queue?.OnTimeout ?? unit.Overflow.NoAnswer,
            OutsideHours = unit.Overflow.OutsideHours,
        };
    }

    private RoutingDecision ResolveAction(
        PolicyAction action,
        DecidingRule context,
        Moment moment,
        IPolicyState state,
        int depth,
        PlanNumber? number = null,
        Department? unit = null)
    {
        if (depth > MaxDepth)
        {
            return Final(DecisionKind.Hangup, context with { Kind = RuleKind.TooDeep, Source = action.Source }, moment, number, action, unit);
        }

        // A closed or unstaffed unit's rule stays the reason for wherever its overflow leads.
        DecidingRule? cause = context.IsOpen && context.Kind != RuleKind.NoOperatorLoggedIn ? null : context;
        switch (action.Kind)
        {
            case ActionKind.Extension:
            case ActionKind.Number:
                return Numbers.TryGetValue(action.Target, out var entry)
                    ? RouteNumber(entry, action, moment, state, depth, cause)
                    : Final(DecisionKind.NotFound, context, moment, number, action, unit);
            case ActionKind.Department:
                return RouteUnit(Departments[action.Target], number, action, moment, state, depth, cause);
            case ActionKind.Operator:
                return RouteUnit(Switchboard, number, action, moment, state, depth, cause);
            case ActionKind.Queue:
                var queue = Queues[action.Target];
                return new RoutingDecision
                {
                    Kind = DecisionKind.Queue,
                    Rule = context,
                    Instant = moment.Instant,
                    LocalTime = moment.Local,
                    Number = number,
                    Action = action,
                    Unit = unit,
                    Queue = queue,
                    Extensions = queue.Members,
                    RingLimit = RingLimit,
                    OnNoAnswer = queue.OnTimeout,
                };
            case ActionKind.Menu:
                return new RoutingDecision
                {
                    Kind = DecisionKind.Menu,
                    Rule = context,
                    Instant = moment.Instant,
                    LocalTime = moment.Local,
                    Number = number,
                    Action = action,
                    Unit = unit,
                    Menu = ResolveMenu(Menus[action.Target], moment, state),
                };
            case ActionKind.Message:
                return new RoutingDecision
                {
                    Kind = DecisionKind.Message,
                    Rule = context,
                    Instant = moment.Instant,
                    LocalTime = moment.Local,
                    Number = number,
                    Action = action,
                    Unit = unit,
                    Message = Prompts[action.Target],
                    AfterMessage = action.Then,
                };
            case ActionKind.Voicemail:
                return new RoutingDecision
                {
                    Kind = DecisionKind.Voicemail,
                    Rule = context,
                    Instant = moment.Instant,
                    LocalTime = moment.Local,
                    Number = number,
                    Action = action,
                    Unit = unit,
                    VoicemailBox = action.Target,
                };
            case ActionKind.External:
                return new RoutingDecision
                {
                    Kind = DecisionKind.Forward,
                    Rule = context,
                    Instant = moment.Instant,
                    LocalTime = moment.Local,
                    Number = number,
                    Action = action,
                    Unit = unit,
                    ExternalNumber = action.Target,
                    IsExample = action.IsExample,
                };
            case ActionKind.Back:
                return Final(DecisionKind.Back, context, moment, number, action, unit);
            case ActionKind.Hangup:
                return Final(DecisionKind.Hangup, context, moment, number, action, unit);
            default:
                throw new UnreachableException($"Not an action kind: {action.Kind}");
        }
    }

    private static RoutingDecision Final(DecisionKind kind, DecidingRule rule, Moment moment, PlanNumber? number, PolicyAction? action, Department? unit) =>
        new()
        {
            Kind = kind,
            Rule = rule,
            Instant = moment.Instant,
            LocalTime = moment.Local,
            Number = number,
            Action = action,
            Unit = unit,
        };

    /// <summary>The first active override for a target: live ones before those planned in the file.</summary>
    internal ManualOverride? FindOverride(OverrideTargetKind target, string id, DateTimeOffset instant, IPolicyState state)
    {
        var live = state.ManualOverrides;
        for (var i = 0; i < live.Count; i++)
        {
            var candidate = live[i];
            if (candidate.AppliesTo(target, id) && candidate.IsActiveAt(instant))
            {
                return candidate;
            }
        }

        foreach (var candidate in PlannedOverrides)
        {
            if (candidate.AppliesTo(target, id) && candidate.IsActiveAt(instant))
            {
                return candidate;
            }
        }

        return null;
    }
}
