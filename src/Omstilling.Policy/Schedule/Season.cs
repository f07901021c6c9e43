using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Policy.Schedule;

/// <summary>
/// A recurring date range (e.g. winter, 15 November to 31 March, for Snevagten), inclusive at both
/// ends; it may wrap over New Year. With <see cref="Year"/> set it is a one-off range in that
/// year and the next (when it wraps) instead.
/// </summary>
public sealed record Season(string Id, string Name, int FromMonth, int FromDay, int ToMonth, int ToDay, SourceLocation Source)
{
    /// <summary>For a one-off range (written with full dates): the year it starts.</summary>
    public int? Year { get; init; }

    public bool Wraps => (ToMonth, ToDay).CompareTo((FromMonth, FromDay)) < 0;

    public bool Contains(DateOnly date)
    {
        if (Year is { } year)
        {
            var start = new DateOnly(year, FromMonth, FromDay);
            var end = new DateOnly(Wraps ? year + 1 : year, ToMonth, ToDay);
            return date >= start && date <= end;
        }

        var key = (date.Month * 100) + date.Day;
        var from = (FromMonth * 100) + FromDay;
        var to = (ToMonth * 100) + ToDay;
        return Wraps ? key >= from || key <= to : key >= from && key <= to;
    }
}
