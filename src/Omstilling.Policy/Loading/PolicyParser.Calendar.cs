using Omstilling.Policy.Loading.Drafts;
using Omstilling.Policy.Model;
using Omstilling.Policy.Routing;
using Omstilling.Policy.Schedule;
using YamlDotNet.RepresentationModel;

namespace Omstilling.Policy.Loading;

/// <summary>Holidays, seasons, hours, overrides and the rules every level may set.</summary>
internal sealed partial class PolicyParser
{
    private static readonly string[] HolidayKeys = ["public", "closed", "closing-days"];
    private static readonly string[] ClosingDayKeys = ["date", "name"];
    private static readonly string[] SeasonKeys = ["name", "from", "to"];
    private static readonly string[] HoursKeys = ["weekly", "exceptions", "half-days"];
    private static readonly string[] ExceptionKeys = ["date", "hours", "note"];
    private static readonly string[] HalfDayKeys = ["day", "date", "closes"];
    private static readonly string[] OverflowKeys = ["busy", "no-answer", "outside-hours"];
    private static readonly string[] OverrideKeys = ["target", "state", "from", "until", "reason"];

    private void ParseHolidays(YamlMappingNode node)
    {
        var map = new YamlMap(node, "holidays", HolidayKeys, _diagnostics);
        if (map.Scalar("public", expected: "denmark or none") is { } kind)
        {
            switch (kind.Value)
            {
                case "denmark":
                    _draft.UsesDanishHolidays = true;
                    break;
                case "none":
                    _draft.UsesDanishHolidays = false;
                    break;
                default:
                    _diagnostics.Error(kind, $"public holidays '{kind.Value}' are not known; expected denmark or none");
                    break;
            }
        }

        foreach (var item in map.Sequence("closed", "a list of optional days") ?? [])
        {
            var id = (item as YamlScalarNode)?.Value ?? string.Empty;
            if (DanishDayNames.TryParse(id, out var day) && !DanishHolidays.IsPublicHoliday(day))
            {
                _draft.ClosedOptionalDays[day] = _diagnostics.At(item);
            }
            else if (DanishDayNames.TryParse(id, out _))
            {
                _diagnostics.Error(item, $"'{id}' is a public holiday and always closed; expected an optional day: {string.Join(", ", DanishDayNames.OptionalIds)}");
            }
            else
            {
                _diagnostics.Error(item, $"'{id}' is not an optional day; expected one of: {string.Join(", ", DanishDayNames.OptionalIds)}");
            }
        }

        foreach (var item in map.Sequence("closing-days", "a list of dates with names") ?? [])
        {
            if (item is not YamlMappingNode closing)
            {
                _diagnostics.Error(item, "a closing day must be a mapping; expected date: YYYY-MM-DD and name: ...");
                continue;
            }

            var closingMap = new YamlMap(closing, "a closing day", ClosingDayKeys, _diagnostics);
            var dateNode = closingMap.Scalar("date", required: true, "a date YYYY-MM-DD");
            var name = closingMap.Text("name", required: true, "why the organisation is closed") ?? string.Empty;
            if (dateNode is not null && ParseDate(dateNode, "closing day") is { } date)
            {
                _draft.ClosingDays.Add(new ClosingDay(date, name, _diagnostics.At(closing)));
            }
        }
    }

    private void ParseSeasons(YamlMappingNode node)
    {
        foreach (var (keyNode, valueNode) in node.Children)
        {
            if (!TryId(keyNode, "season id", out var id))
            {
                continue;
            }

            if (valueNode is not YamlMappingNode seasonNode)
            {
                _diagnostics.Error(valueNode, $"season '{id}' must be a mapping; expected from: MM-DD and to: MM-DD");
                continue;
            }

            var map = new YamlMap(seasonNode, $"season '{id}'", SeasonKeys, _diagnostics);
            var name = map.Text("name") ?? id;
            var from = map.Scalar("from", required: true, "a date MM-DD (every year) or YYYY-MM-DD");
            var to = map.Scalar("to", required: true, "a date MM-DD (every year) or YYYY-MM-DD");
            if (from is null || to is null)
            {
                continue;
            }

            var source = _diagnostics.At(keyNode);
            if (ScheduleText.TryParseMonthDay(from.Value, out var fm, out var fd) && ScheduleText.TryParseMonthDay(to.Value, out var tm, out var td))
            {
                _draft.Seasons[id] = new Season(id, name, fm, fd, tm, td, source);
            }
            else if (ScheduleText.TryParseDate(from.Value, out var fromDate) && ScheduleText.TryParseDate(to.Value, out var toDate))
            {
                if (toDate < fromDate || toDate.Year > fromDate.Year + 1)
                {
                    _diagnostics.Error(to, $"season '{id}' ends {to.Value}, before it starts or more than a year after; expected an end date after {from.Value}");
                    continue;
                }

                _draft.Seasons[id] = new Season(id, name, fromDate.Month, fromDate.Day, toDate.Month, toDate.Day, source) { Year = fromDate.Year };
            }
            else
            {
                var bad = ScheduleText.TryParseMonthDay(from.Value, out _, out _) || ScheduleText.TryParseDate(from.Value, out _) ? to : from;
                _diagnostics.Error(bad, $"'{bad.Value}' in season '{id}' is not a date; expected MM-DD for every year (e.g. 11-15) or YYYY-MM-DD, the same form for from and to");
            }
        }
    }

    /// <summary>The hours, overflow and ring limit a level sets; missing ones are inherited.</summary>
    private LevelRules ParseLevelRules(YamlMap map, string context, string? menuContext)
    {
        var hours = map.Get("hours") is { } hoursNode ? ParseHours(hoursNode, context) : null;
        var overflow = OverflowRules.None;
        if (map.Mapping("overflow", "a mapping (busy, no-answer, outside-hours)") is { } overflowNode)
        {
            var overflowMap = new YamlMap(overflowNode, $"overflow of {context}", OverflowKeys, _diagnostics);
            overflow = new OverflowRules(
                OverflowAction(overflowMap, "busy", context, menuContext),
                OverflowAction(overflowMap, "no-answer", context, menuContext),
                OverflowAction(overflowMap, "outside-hours", context, menuContext));
        }

        return new LevelRules(hours, overflow, map.Int("ring-limit", 1, 20));
    }

    private PolicyAction? OverflowAction(YamlMap map, string key, string context, string? menuContext) =>
        map.Get(key) is { } node
            ? ParseAction(node, $"{key} of {context}", menuContext, isOutsideHours: key == "outside-hours")
            : null;

    private HoursDraft? ParseHours(YamlNode node, string context)
    {
        if (node is YamlScalarNode { Value: "always" })
        {
            return new HoursDraft { Always = true };
        }

        if (node is not YamlMappingNode mapping)
        {
            _diagnostics.Error(node, $"hours of {context} must be a mapping (weekly, exceptions, half-days) or 'always'");
            return null;
        }

        var hoursContext = $"hours of {context}";
        var map = new YamlMap(mapping, hoursContext, HoursKeys, _diagnostics);
        var draft = new HoursDraft();
        if (map.Mapping("weekly", "a mapping of weekdays to hours") is { } weekly)
        {
            draft.Weekly = ScheduleText.ParseWeekly(weekly, hoursContext, _diagnostics);
            draft.WeeklySource = _diagnostics.At(map.KeyNode("weekly")!);
        }

        var seen = new Dictionary<DateOnly, YamlNode>();
        foreach (var item in map.Sequence("exceptions", "a list of dates with hours") ?? [])
        {
            if (item is not YamlMappingNode exception)
            {
                _diagnostics.Error(item, $"an exception in {hoursContext} must be a mapping; expected date: YYYY-MM-DD and hours: ...");
                continue;
            }

            var exceptionMap = new YamlMap(exception, $"an exception in {hoursContext}", ExceptionKeys, _diagnostics);
            var dateNode = exceptionMap.Scalar("date", required: true, "a date YYYY-MM-DD");
            var hoursNode = exceptionMap.Scalar("hours", required: true, ScheduleText.HoursExpected);
            var date = dateNode is null ? null : ParseDate(dateNode, hoursContext);
            var hours = hoursNode is null ? null : ScheduleText.ParseDailyHours(hoursNode, hoursContext, _diagnostics);
            if (date is { } d && hours is not null)
            {
                if (seen.TryGetValue(d, out var earlier))
                {
                    _diagnostics.Error(dateNode!, $"{hoursContext} has two exceptions for {dateNode!.Value} (the other at line {earlier.Start.Line}); expected one per date");
                    continue;
                }

                seen[d] = dateNode!;
                draft.Exceptions.Add(new HoursException(d, hours, exceptionMap.Text("note"), _diagnostics.At(exception)));
            }
        }

        foreach (var item in map.Sequence("half-days", "a list of half days") ?? [])
        {
            if (ParseHalfDay(item, hoursContext) is { } halfDay)
            {
                draft.HalfDays.Add(halfDay);
            }
        }

        return draft;
    }

    private HalfDayDraft? ParseHalfDay(YamlNode item, string context)
    {
        if (item is not YamlMappingNode mapping)
        {
            _diagnostics.Error(item, $"a half day in {context} must be a mapping; expected day: grundlovsdag (or date: YYYY-MM-DD) and closes: \"12:00\"");
            return null;
        }

        var map = new YamlMap(mapping, $"a half day in {context}", HalfDayKeys, _diagnostics);
        var closes = map.Scalar("closes", required: true, "the closing time HH:MM");
        var closesAt = 0;
        if (closes is not null && !ScheduleText.TryParseTime(closes.Value, false, out closesAt))
        {
            _diagnostics.Error(closes, $"bad time '{closes.Value}' in {context}; expected HH:MM from 00:00 to 23:59");
            return null;
        }

        var source = _diagnostics.At(mapping);
        if (map.Scalar("day", expected: "a named day") is { } dayNode)
        {
            if (!DanishDayNames.TryParse(dayNode.Value ?? string.Empty, out var day))
            {
                _diagnostics.Error(dayNode, $"'{dayNode.Value}' is not a named day; expected one of: {string.Join(", ", DanishDayNames.Ids)}");
                return null;
            }

            return closes is null ? null : new HalfDayDraft(day, null, closesAt, source);
        }

        if (map.Scalar("date", expected: "a date YYYY-MM-DD") is { } dateNode)
        {
            return ParseDate(dateNode, context) is { } date && closes is not null ? new HalfDayDraft(DanishDay.None, date, closesAt, source) : null;
        }

        _diagnostics.Error(mapping, $"a half day in {context} has neither 'day' nor 'date'; expected one of them");
        return null;
    }

    private void ParseOverrides(YamlSequenceNode node)
    {
        foreach (var item in node)
        {
            if (item is not YamlMappingNode mapping)
            {
                _diagnostics.Error(item, "an override must be a mapping; expected target, state and until");
                continue;
            }

            var map = new YamlMap(mapping, "an override", OverrideKeys, _diagnostics);
            var target = map.Scalar("target", required: true, "switchboard, department/ID or option/ID");
            var state = map.Scalar("state", required: true, "open or closed");
            OverrideMode? mode = state?.Value switch
            {
                "open" or "on" => OverrideMode.ForceOpen,
                "closed" or "off" => OverrideMode.ForceClosed,
                _ => null,
            };
            if (state is not null && mode is null)
            {
                _diagnostics.Error(state, $"override state '{state.Value}' is not known; expected open (on) or closed (off)");
            }

            var from = LocalInstant(map.Scalar("from", expected: "a local time YYYY-MM-DD HH:MM"));
            var until = LocalInstant(map.Scalar("until", expected: "a local time YYYY-MM-DD HH:MM"));
            if (target?.Value is not { } text || mode is null)
            {
                continue;
            }

            (OverrideTargetKind Kind, string Id)? parsed = text switch
            {
                "switchboard" => (OverrideTargetKind.Switchboard, string.Empty),
                _ when text.StartsWith("department/", StringComparison.Ordinal) => (OverrideTargetKind.Department, text["department/".Length..]),
                _ when text.StartsWith("option/", StringComparison.Ordinal) => (OverrideTargetKind.MenuOption, text["option/".Length..]),
                _ => null,
            };
            if (parsed is not { } t)
            {
                _diagnostics.Error(target, $"override target '{text}' is not known; expected switchboard, department/ID or option/ID");
                continue;
            }

            var manual = new ManualOverride(t.Kind, t.Id, mode.Value)
            {
                From = from,
                Until = until,
                Reason = map.Text("reason"),
                Source = _diagnostics.At(mapping),
            };
            _draft.Overrides.Add((manual, _diagnostics.At(target)));
        }
    }

    private DateTimeOffset? LocalInstant(YamlScalarNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (!ScheduleText.TryParseLocalDateTime(node.Value, out var local))
        {
            _diagnostics.Error(node, $"'{node.Value}' is not a local time; expected YYYY-MM-DD HH:MM (quote it)");
            return null;
        }

        return LocalTimeResolver.Resolve(local, _draft.TimeZone).Instant;
    }

    private DateOnly? ParseDate(YamlScalarNode node, string context)
    {
        if (ScheduleText.TryParseDate(node.Value, out var date))
        {
            return date;
        }

        _diagnostics.Error(node, $"'{node.Value}' in {context} is not a date; expected YYYY-MM-DD");
        return null;
    }
}
