namespace Omstilling.Policy.Routing;

/// <summary>An instant with its wall-clock time in the policy's zone, computed once per decision.</summary>
internal readonly record struct Moment(DateTimeOffset Instant, DateTime Local)
{
    public DateOnly Date => DateOnly.FromDateTime(Local);

    public int MinuteOfDay => (Local.Hour * 60) + Local.Minute;
}
