using System.Collections.Immutable;
using System.Globalization;
using Omstilling.Policy.Model;
using Omstilling.Policy.Schedule;
using Omstilling.Yaml;
using YamlDotNet.RepresentationModel;

namespace Omstilling.Policy.Loading;

/// <summary>
/// Reads the small text formats of schedules: times "08:00", spans "08:00-15:00", lists of spans,
/// weekday keys "mon-fri", dates "2026-12-24", recurring dates "11-15" and local date-times.
/// Every error points at the exact column of the bad part.
/// </summary>
internal static class ScheduleText
{
    private static readonly string[] DayKeys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public const string HoursExpected = "spans like '08:00-15:00' or '08:00-12:00, 12:30-15:00', or 'closed'";

    /// <summary>"HH:MM", hours 00-23 (24:00 only as an end).</summary>
    public static bool TryParseTime(ReadOnlySpan<char> text, bool allowEndOfDay, out int minute)
    {
        minute = 0;
        if (text.Length != 5 || text[2] != ':'
            || !int.TryParse(text[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(text[3..], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || m > 59)
        {
            return false;
        }

        if (h == 24 && m == 0 && allowEndOfDay)
        {
            minute = TimeRange.MinutesPerDay;
            return true;
        }

        if (h > 23)
        {
            return false;
        }

        minute = (h * 60) + m;
        return true;
    }

    /// <summary>A day's hours; null after reporting an error.</summary>
    public static DailyHours? ParseDailyHours(YamlScalarNode node, string context, DiagnosticBag diagnostics)
    {
        var text = node.Value ?? string.Empty;
        if (text.Trim() is "closed")
        {
            return DailyHours.Closed;
        }

        var ranges = ImmutableArray.CreateBuilder<TimeRange>();
        var ok = true;
        var index = 0;
        foreach (var part in text.Split(','))
        {
            var lead = part.Length - part.TrimStart().Length;
            var start = index + lead;
            var span = part.Trim();
            index += part.Length + 1;
            var dash = span.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                diagnostics.Error(At(diagnostics, node, start), $"'{span}' in {context} is not a span of time; expected {HoursExpected}");
                ok = false;
                continue;
            }

            var from = span[..dash];
            var to = span[(dash + 1)..];
            if (!TryParseTime(from, false, out var fromMinute))
            {
                diagnostics.Error(At(diagnostics, node, start), $"bad time '{from}' in {context}; expected HH:MM from 00:00 to 23:59");
                ok = false;
                continue;
            }

            if (!TryParseTime(to, true, out var toMinute))
            {
                diagnostics.Error(At(diagnostics, node, start + dash + 1), $"bad time '{to}' in {context}; expected HH:MM from 00:00 to 24:00");
                ok = false;
                continue;
            }

            if (toMinute <= fromMinute)
            {
                diagnostics.Error(At(diagnostics, node, start), $"'{span}' in {context} ends before it starts; expected the end after the start (use 24:00 for midnight)");
                ok = false;
                continue;
            }

            var range = new TimeRange(fromMinute, toMinute);
            foreach (var earlier in ranges)
            {
                if (earlier.Overlaps(range))
                {
                    diagnostics.Error(At(diagnostics, node, start), $"'{span}' overlaps '{earlier}' in {context}; expected spans that do not overlap");
                    ok = false;
                }
            }

            ranges.Add(range);
        }

        return ok ? new DailyHours(ranges.ToImmutable()) : null;
    }

    /// <summary>
    /// Weekly hours from keys "mon".."sun" or ranges "mon-fri"; days not given are closed. A day
    /// given twice is an error (two hours for one day overlap).
    /// </summary>
    public static WeeklyHours? ParseWeekly(YamlMappingNode node, string context, DiagnosticBag diagnostics)
    {
        var days = Enumerable.Repeat(DailyHours.Closed, 7).ToArray();
        var givenAt = new YamlNode?[7];
        var ok = true;
        foreach (var (keyNode, valueNode) in node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!TryParseDays(key, out var first, out var last))
            {
                diagnostics.Error(keyNode, $"'{key}' in {context} is not a weekday; expected mon, tue, wed, thu, fri, sat, sun or a range like mon-fri");
                ok = false;
                continue;
            }

            if (valueNode is not YamlScalarNode valueScalar)
            {
                diagnostics.Error(valueNode, $"hours for '{key}' in {context} must be text; expected {HoursExpected}");
                ok = false;
                continue;
            }

            var hours = ParseDailyHours(valueScalar, context, diagnostics);
            ok &= hours is not null;
            for (var i = 0; i < 7; i++)
            {
                var day = (first + i) % 7;
                if (givenAt[day] is { } earlier)
                {
                    diagnostics.Error(keyNode, $"'{key}' gives hours for {DayKeys[day]} again (already given at line {earlier.Start.Line}) in {context}; expected each weekday once");
                    ok = false;
                }

                givenAt[day] = keyNode;
                days[day] = hours ?? DailyHours.Closed;
                if (day == last)
                {
                    break;
                }
            }
        }

        return ok ? new WeeklyHours(days) : null;
    }

    /// <summary>"mon" or "mon-fri" (wrapping "fri-mon" is allowed) as DayOfWeek numbers.</summary>
    public static bool TryParseDays(string key, out int first, out int last)
    {
        var dash = key.IndexOf('-', StringComparison.Ordinal);
        first = Array.IndexOf(DayKeys, dash < 0 ? key : key[..dash]);
        last = dash < 0 ? first : Array.IndexOf(DayKeys, key[(dash + 1)..]);
        return first >= 0 && last >= 0;
    }

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>"MM-DD" (recurring every year, 02-29 allowed).</summary>
    public static bool TryParseMonthDay(string? text, out int month, out int day)
    {
        month = 0;
        day = 0;
        return text is { Length: 5 } && text[2] == '-'
            && int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out month)
            && int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out day)
            && month is >= 1 and <= 12
            && day >= 1 && day <= DateTime.DaysInMonth(2024, month);
    }

    /// <summary>"YYYY-MM-DD HH:MM", wall-clock time in the policy's zone.</summary>
    public static bool TryParseLocalDateTime(string? text, out DateTime local) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out local);

    private static SourceLocation At(DiagnosticBag diagnostics, YamlScalarNode node, int index) =>
        new(diagnostics.File, (int)node.Start.Line, YamlNodes.ColumnOf(node, index));
}
