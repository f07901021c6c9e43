using Omstilling.Policy.Model;
using Omstilling.Policy.Schedule;
using Omstilling.Yaml;

namespace Omstilling.Policy.Loading.Drafts;

/// <summary>An <c>hours:</c> block as written at one level, before inheritance.</summary>
internal sealed class HoursDraft
{
    /// <summary><c>hours: always</c>: open at every hour, holidays included.</summary>
    public bool Always { get; init; }

    public WeeklyHours? Weekly { get; set; }

    public SourceLocation? WeeklySource { get; set; }

    public List<HoursException> Exceptions { get; } = [];

    public List<HalfDayDraft> HalfDays { get; } = [];
}
