using Omstilling.Directory.Model;
using Omstilling.Directory.Text;

namespace Omstilling.Directory.Live;

/// <summary>
/// Availability from the <see cref="AbsenceBook"/>: the person's absence coding and their
/// department's away notices; when both apply, the one that lasts longer (an unknown end lasts
/// longest). Working from home is available, with the coding as the reason. Completes
/// synchronously; thread-safe.
/// </summary>
public sealed class AbsenceAvailability(AbsenceBook book, TimeZoneInfo zone) : IAvailabilitySource
{
    /// <summary>The <see cref="Availability.Source"/> this gives.</summary>
    public const string SourceName = "absence";

    private readonly AbsenceBook _book = book ?? throw new ArgumentNullException(nameof(book));
    private readonly TimeZoneInfo _zone = zone ?? throw new ArgumentNullException(nameof(zone));

    public ValueTask<Availability> GetAsync(Person person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Get(person, now));
    }

    private Availability Get(Person person, DateTimeOffset now)
    {
        Availability? away = null;
        var absence = _book.Current(person.Id, now);
        if (absence is not null && absence.Code.BlocksCalls())
        {
            away = new Availability(false, absence.Until, Reason(absence, now), SourceName);
        }

        foreach (var notice in _book.ActiveNotices(person.DepartmentId, now))
        {
            if (away is null || Longer(notice.Until, away.NextFree))
            {
                away = new Availability(false, notice.Until, notice.Text, SourceName);
            }
        }

        if (away is not null)
        {
            return away;
        }

        return absence is null ? Availability.Free(SourceName) : new Availability(true, null, Reason(absence, now), SourceName);
    }

    private string Reason(Absence absence, DateTimeOffset now) => Describe(absence.Code, absence.Until, now, _zone);

    /// <summary>"Til møde til kl. 14.00", "På ferie til mandag kl. 08.00", "Syg": the one wording of an absence for the console.</summary>
    public static string Describe(AbsenceCode code, DateTimeOffset? until, DateTimeOffset now, TimeZoneInfo zone) => until is { } end
        ? $"{code.DanishLabel()} til {DanishTime.Until(end, now, zone)}"
        : code.DanishLabel();

    /// <summary>True when <paramref name="candidate"/> ends later than <paramref name="current"/> (null = not known = latest).</summary>
    internal static bool Longer(DateTimeOffset? candidate, DateTimeOffset? current) =>
        current is { } known && (candidate is not { } end || end > known);
}
