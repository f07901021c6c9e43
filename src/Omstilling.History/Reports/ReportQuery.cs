namespace Omstilling.History.Reports;

/// <summary>
/// What a report covers: local days <see cref="From"/> to <see cref="To"/> (both included), limited
/// to an area, a department, a person (what the call concerned, docs/history.md) and a local hour
/// of the day when given, and broken down by <see cref="By"/>. Immutable.
/// </summary>
public sealed record ReportQuery(DateOnly From, DateOnly To)
{
    /// <summary>The longest period one report reads (a quarter): its calls are read into memory.</summary>
    public const int MaximumDays = 93;

    public string? AreaId { get; init; }

    public string? DepartmentId { get; init; }

    public string? PersonId { get; init; }

    /// <summary>Only calls that arrived in this local hour of the day (0–23).</summary>
    public int? Hour { get; init; }

    public ReportBreakdown By { get; init; } = ReportBreakdown.None;

    /// <summary>What is wrong with the query, or null when it can be run.</summary>
    public string? Problem =>
        To < From ? $"The period ends ({To:yyyy-MM-dd}) before it starts ({From:yyyy-MM-dd})."
        : To.DayNumber - From.DayNumber + 1 > MaximumDays ? $"The period is longer than {MaximumDays} days."
        : Hour is < 0 or > 23 ? $"Hour {Hour} is not an hour of the day (0–23)."
        : null;
}

/// <summary>What the three goals are broken down by.</summary>
public enum ReportBreakdown
{
    None,
    Area,
    Department,
    Person,
    Hour,
}
