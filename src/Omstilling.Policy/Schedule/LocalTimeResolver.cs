namespace Omstilling.Policy.Schedule;

/// <summary>
/// Resolves wall-clock times explicitly, as NodaTime's lenient resolver does: a skipped time is
/// shifted forward by the gap, an ambiguous time takes the earlier instant. Pure.
/// </summary>
public static class LocalTimeResolver
{
    public static ResolvedLocalTime Resolve(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            // The offset in force before the gap, applied to the requested time, lands as far past
            // the gap's end as the requested time was past its start: 02:30 → 01:30 UTC → 03:30 CEST.
            var before = zone.GetUtcOffset(wall.AddHours(-3));
            var instant = new DateTimeOffset(wall.Ticks - before.Ticks, TimeSpan.Zero);
            return new ResolvedLocalTime(wall, TimeZoneInfo.ConvertTime(instant, zone), LocalTimeKind.Skipped);
        }

        if (zone.IsAmbiguousTime(wall))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(wall);
            var earlierOffset = offsets.Max();
            var laterOffset = offsets.Min();
            return new ResolvedLocalTime(wall, new DateTimeOffset(wall, earlierOffset), LocalTimeKind.Ambiguous)
            {
                LaterInstant = new DateTimeOffset(wall, laterOffset),
            };
        }

        return new ResolvedLocalTime(wall, new DateTimeOffset(wall, zone.GetUtcOffset(wall)), LocalTimeKind.Unique);
    }
}
