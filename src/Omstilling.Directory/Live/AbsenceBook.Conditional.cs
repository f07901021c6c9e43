namespace Omstilling.Directory.Live;

/// <summary>
/// Changes that apply only if the person's absence is still what the caller last saw, so that an
/// automatic source (the calendar) never overwrites a coding that a person or an operator made
/// in between.
/// </summary>
public sealed partial class AbsenceBook
{
    /// <summary>
    /// Sets <paramref name="replacement"/> if the person's absence in force is <paramref name="expected"/>
    /// (null: none); false, and nothing changed, otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">The replacement has already ended.</exception>
    public bool SetIfCurrent(Model.Absence? expected, Model.Absence replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        ArgumentException.ThrowIfNullOrEmpty(replacement.PersonId, nameof(replacement));
        var now = _time.GetUtcNow();
        if (!replacement.IsActive(now))
        {
            throw new ArgumentException($"The absence of '{replacement.PersonId}' ended at {replacement.Until:O}.", nameof(replacement));
        }

        lock (_gate)
        {
            if (!Equals(CurrentUnderLock(replacement.PersonId, now), expected))
            {
                return false;
            }

            _absences[replacement.PersonId] = replacement;
            Rearm(now);
        }

        Raise(replacement.PersonId);
        return true;
    }

    /// <summary>Clears the person's absence if it is <paramref name="expected"/>; false, and nothing changed, otherwise.</summary>
    public bool ClearIfCurrent(Model.Absence expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (!Equals(CurrentUnderLock(expected.PersonId, now), expected))
            {
                return false;
            }

            _absences.Remove(expected.PersonId);
            Rearm(now);
        }

        Raise(expected.PersonId);
        return true;
    }

    private Model.Absence? CurrentUnderLock(string personId, DateTimeOffset now) =>
        _absences.TryGetValue(personId, out var absence) && absence.IsActive(now) ? absence : null;
}
