namespace Omstilling.Directory.Live;

/// <summary>
/// Whether a person can take a call now and, if not, when they can: what the operator looks up
/// when a transfer comes back unanswered. Immutable.
/// </summary>
/// <param name="AvailableNow">False while an absence, a department notice or (later) a calendar entry says away.</param>
/// <param name="NextFree">When the person is expected back; null when available now or not known ("Syg").</param>
/// <param name="Reason">Danish, for the console and to tell the caller: "Til møde til kl. 14.00".</param>
/// <param name="Source">Which source said so: "absence", "calendar", ...</param>
public sealed record Availability(bool AvailableNow, DateTimeOffset? NextFree, string? Reason, string Source)
{
    /// <summary>Nothing known against the person.</summary>
    public static Availability Free(string source) => new(true, null, null, source);
}
