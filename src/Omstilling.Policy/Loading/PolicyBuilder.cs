using System.Collections.Frozen;
using System.Collections.Immutable;
using Omstilling.Policy.Loading.Drafts;
using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;
using Omstilling.Policy.Schedule;
using Omstilling.Yaml;

namespace Omstilling.Policy.Loading;

/// <summary>
/// Turns drafts into the immutable policy: merges each level's rules with the levels above,
/// builds the number plan (refusing duplicates), checks every reference, and checks menus for
/// loops, unreachable menus and options that are never offered. One instance per load.
/// Split by concern: units and numbers here, references and menus in the other parts.
/// </summary>
internal sealed partial class PolicyBuilder(PolicyDraft draft, DiagnosticBag diagnostics)
{
    private readonly PolicyDraft _draft = draft;
    private readonly DiagnosticBag _diagnostics = diagnostics;
    private readonly Dictionary<string, PlanNumber> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Department> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Person> _people = new(StringComparer.Ordinal);

    public TelephonePolicy? Build()
    {
        var calendar = new HolidayCalendar(
            _draft.UsesDanishHolidays,
            _draft.ClosedOptionalDays.ToImmutableDictionary(),
            DistinctClosingDays());
        var orgRing = new RingLimit(_draft.RingLimit, _draft.RingCadence);

        if (_draft.Switchboard is not { } switchboardDraft)
        {
            return null;
        }

        BuildNumberPlan(switchboardDraft);
        BuildUnit(switchboardDraft, [_draft.Rules, switchboardDraft.Rules], orgRing);
        foreach (var area in _draft.Areas)
        {
            foreach (var department in area.Departments)
            {
                if (_units.TryGetValue(department.Id, out var earlier))
                {
                    _diagnostics.Error(department.Source, $"department id '{department.Id}' is used twice (also at line {earlier.Source.Line}); expected unique department ids");
                    continue;
                }

                BuildUnit(department, [_draft.Rules, area.Rules, department.Rules], orgRing);
            }
        }

        CheckReferences();
        var menus = BuildMenus();
        CheckMenuGraph();
        CheckPassBackCode();
        CheckVoicemailNumber();
        CheckOutsideHoursLoops();
        if (_diagnostics.HasErrors)
        {
            return null;
        }

        return new TelephonePolicy
        {
            SourceFile = _diagnostics.File,
            Organisation = _draft.Organisation,
            TimeZone = _draft.TimeZone,
            RingLimit = orgRing,
            Targets = _draft.Targets,
            Retention = _draft.Retention,
            MaxForwardingChain = _draft.MaxForwardingChain,
            VoicemailNumber = _draft.VoicemailNumber?.Number,
            Outbound = _draft.Outbound,
            Survey = BuildSurvey(),
            Calendar = calendar,
            Seasons = _draft.Seasons.ToFrozenDictionary(StringComparer.Ordinal),
            Prompts = _draft.Prompts.ToFrozenDictionary(StringComparer.Ordinal),
            Menus = menus.ToFrozenDictionary(StringComparer.Ordinal),
            Queues = _draft.Queues.ToFrozenDictionary(StringComparer.Ordinal),
            Areas = [.. _draft.Areas.Select(a => new Area(a.Id, a.Name, [.. a.Departments.Select(d => d.Id)], a.Source))],
            Departments = _units.ToFrozenDictionary(StringComparer.Ordinal),
            Switchboard = _units[PolicyParser.SwitchboardId],
            People = _people.ToFrozenDictionary(StringComparer.Ordinal),
            Numbers = _numbers.ToFrozenDictionary(StringComparer.Ordinal),
            PlannedOverrides = [.. _draft.Overrides.Select(o => o.Override)],
            PassBackCode = _draft.PassBackCode?.Code ?? TelephonePolicy.DefaultPassBackCode,
        };
    }

    /// <summary>The pass-back code must not be a number of the plan: a transfer to it would be ambiguous.</summary>
    private void CheckPassBackCode()
    {
        if (_draft.PassBackCode is { } code && _numbers.TryGetValue(code.Code, out var taken))
        {
            _diagnostics.Error(code.Source, $"the pass-back code '{code.Code}' is also a number of the plan (line {taken.Source.Line}); expected a code of its own");
        }
    }

    /// <summary>
    /// The voicemail number must not be a number of the plan: a call to it would reach the voicemail
    /// box instead of the person or department the plan gives it to. Without <c>voicemail: number</c>
    /// it is <see cref="TelephonePolicy.DefaultVoicemailNumber"/>, and the plan's number is the one reported.
    /// </summary>
    private void CheckVoicemailNumber()
    {
        if (_draft.VoicemailNumber is { } given)
        {
            if (_numbers.TryGetValue(given.Number, out var taken))
            {
                _diagnostics.Error(given.Source, $"the voicemail number '{given.Number}' is also a number of the plan (line {taken.Source.Line}, {_ownerNames[given.Number]}); expected a number of its own");
            }
        }
        else if (_numbers.TryGetValue(TelephonePolicy.DefaultVoicemailNumber, out var taken))
        {
            _diagnostics.Error(taken.Source, $"{taken.Display} is the voicemail number when 'voicemail: number' is not given; expected another number here, or a voicemail number of its own");
        }
    }

    /// <summary>The survey with its prompts (each checked to exist with the other prompt uses).</summary>
    private PolicySurvey? BuildSurvey() => _draft.Survey is { } s
        ? new PolicySurvey(s.Ask, s.SharePercent, _draft.Prompts[s.Invitation], _draft.Prompts[s.Question], _draft.Prompts[s.Thanks], s.Scale, s.SatisfiedFrom)
        : null;

    private List<ClosingDay> DistinctClosingDays()
    {
        var seen = new Dictionary<DateOnly, ClosingDay>();
        foreach (var day in _draft.ClosingDays)
        {
            if (seen.TryGetValue(day.Date, out var earlier))
            {
                _diagnostics.Error(day.Source, $"closing day {day.Date:yyyy-MM-dd} is given twice (also at line {earlier.Source.Line}); expected each date once");
                continue;
            }

            seen[day.Date] = day;
        }

        return [.. seen.Values];
    }

    private Department BuildUnit(UnitDraft draft, LevelRules[] chain, RingLimit orgRing)
    {
        var overflow = OverflowRules.None;
        int? rings = null;
        foreach (var level in chain)
        {
            overflow = level.Overflow.Over(overflow);
            rings = level.RingLimit ?? rings;
        }

        var ringLimit = rings is { } r ? orgRing with { Rings = r } : orgRing;
        var people = draft.People.Select(p => BuildPerson(p, draft.Id, overflow, ringLimit)).ToImmutableArray();
        var unit = new Department(draft.Id, draft.Name, draft.Kind, draft.Source)
        {
            AreaId = draft.Area?.Id,
            Extensions = RungExtensions(draft),
            QueueId = draft.Queue?.Id,
            Greeting = draft.Greeting is { } g && _draft.Prompts.TryGetValue(g.Name, out var prompt) ? prompt : null,
            Hours = EffectiveHours(chain.Select(l => l.Hours)),
            Overflow = overflow,
            RingLimit = ringLimit,
            People = people,
            Numbers = NumbersOf(NumberOwner.Department, draft.Id),
        };
        _units[unit.Id] = unit;
        return unit;
    }

    /// <summary>Who rings when the unit is called: its operators, its extensions, or else all its people.</summary>
    internal static ImmutableArray<string> RungExtensions(UnitDraft draft) =>
        draft.Kind == UnitKind.Switchboard ? [.. draft.Operators.Select(o => o.Extension)]
        : draft.Extensions.Count > 0 ? [.. draft.Extensions.Select(e => e.Extension)]
        : [.. draft.People.Select(p => p.Extension.Extension)];

    private Person BuildPerson(PersonDraft draft, string departmentId, OverflowRules departmentOverflow, RingLimit departmentRing)
    {
        var person = new Person(draft.Name, draft.Extension.Extension, departmentId, draft.Source)
        {
            Title = draft.Title,
            Overflow = draft.Rules.Overflow.Over(departmentOverflow),
            RingLimit = draft.Rules.RingLimit is { } rings ? departmentRing with { Rings = rings } : departmentRing,
            Numbers = NumbersOf(NumberOwner.Person, draft.Extension.Extension),
        };
        _people[person.Extension] = person;
        if (draft.Rules.Hours is not null)
        {
            _diagnostics.Warning(draft.Source, $"'{draft.Name}' has hours, but a person's phone rings at any hour; expected hours on the department");
        }

        return person;
    }

    /// <summary>
    /// Hours from the top level down: the lowest level that says 'always' or gives weekly hours
    /// wins for the week; exceptions and half days add up, a lower level replacing the same date.
    /// </summary>
    private static OpeningHours EffectiveHours(IEnumerable<HoursDraft?> chain)
    {
        WeeklyHours? weekly = null;
        SourceLocation? weeklySource = null;
        var always = false;
        var exceptions = new Dictionary<DateOnly, HoursException>();
        var halfDays = new Dictionary<(DanishDay, DateOnly?), HalfDayDraft>();
        var any = false;
        foreach (var level in chain)
        {
            if (level is null)
            {
                continue;
            }

            any = true;
            if (level.Always)
            {
                always = true;
                weekly = null;
                exceptions.Clear();
                halfDays.Clear();
                continue;
            }

            if (level.Weekly is not null)
            {
                always = false;
                weekly = level.Weekly;
                weeklySource = level.WeeklySource;
            }

            foreach (var exception in level.Exceptions)
            {
                exceptions[exception.Date] = exception;
            }

            foreach (var halfDay in level.HalfDays)
            {
                halfDays[(halfDay.Day, halfDay.Date)] = halfDay;
            }
        }

        if (!any || (always && exceptions.Count == 0))
        {
            return OpeningHours.Always;
        }

        var week = weekly ?? WeeklyHours.AlwaysOpen;
        return new OpeningHours(
            week,
            weeklySource,
            exceptions.Values,
            [.. halfDays.Values.Select(h => new HalfDay(h.Day, h.Date, h.ClosesAtMinute, week, h.Source))]);
    }
}
