using Omstilling.Directory.Model;

namespace Omstilling.Directory.Live;

/// <summary>
/// Something that knows when a person is free: absence codings today, calendars (iCalendar,
/// Microsoft 365) later. Implementations must be thread-safe; the console and the call engine
/// ask concurrently. Combine several with <see cref="CompositeAvailability"/>.
/// </summary>
public interface IAvailabilitySource
{
    /// <summary>The person's availability at <paramref name="now"/> (passed in, so that one screen judges one moment).</summary>
    ValueTask<Availability> GetAsync(Person person, DateTimeOffset now, CancellationToken cancellationToken);
}
