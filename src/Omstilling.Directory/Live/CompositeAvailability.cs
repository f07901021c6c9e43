using Omstilling.Directory.Model;

namespace Omstilling.Directory.Live;

/// <summary>
/// Asks several sources at once and combines them: available only if every source says so;
/// otherwise the answer of the source whose away lasts longest (an unknown end lasts longest), as
/// the person is free only when every reason has passed. A calendar source can be added without
/// changing callers. A source that fails fails the whole answer (the caller decides what to show).
/// Thread-safe when its sources are.
/// </summary>
public sealed class CompositeAvailability : IAvailabilitySource
{
    /// <summary>The <see cref="Availability.Source"/> of a combined "available".</summary>
    public const string SourceName = "composite";

    private readonly IAvailabilitySource[] _sources;

    public CompositeAvailability(IEnumerable<IAvailabilitySource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = [.. sources];
        if (_sources.Length == 0 || Array.Exists(_sources, s => s is null))
        {
            throw new ArgumentException("Give at least one source, and no null ones.", nameof(sources));
        }
    }

    public async ValueTask<Availability> GetAsync(Person person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (_sources.Length == 1)
        {
            return await _sources[0].GetAsync(person, now, cancellationToken);
        }

        // Start every source before awaiting any, so a slow calendar does not wait for the others.
        var pending = new Task<Availability>[_sources.Length];
        for (var i = 0; i < _sources.Length; i++)
        {
            pending[i] = _sources[i].GetAsync(person, now, cancellationToken).AsTask();
        }

        var results = await Task.WhenAll(pending);
        return Combine(results);
    }

    internal static Availability Combine(IReadOnlyList<Availability> results)
    {
        Availability? away = null;
        foreach (var result in results)
        {
            if (!result.AvailableNow && (away is null || AbsenceAvailability.Longer(result.NextFree, away.NextFree)))
            {
                away = result;
            }
        }

        return away ?? Availability.Free(SourceName);
    }
}
