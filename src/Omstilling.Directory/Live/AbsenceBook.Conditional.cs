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
        var now = CheckSettable(replacement);
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

    /// <summary>The book's now, after checking that the absence names a person and has not ended.</summary>
    /// <exception cref="ArgumentException">It names no person, or has already ended.</exception>
    private DateTimeOffset CheckSettable(Model.Absence absence, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(absence))] string? parameter = null)
    {
        ArgumentNullException.ThrowIfNull(absence, parameter);
        ArgumentException.ThrowIfNullOrEmpty(absence.PersonId, parameter);
        var now = _time.GetUtcNow();
        if (!absence.IsActive(now))
        {
            throw new ArgumentException($"The absence of '{absence.PersonId}' ended at {absence.Until:O}; clear it instead.", parameter);
        }

        return now;
    }

    private Model.Absence? CurrentUnderLock(string personId, DateTimeOffset now) =>
        _absences.TryGetValue(personId, out var absence) && absence.IsActive(now) ? absence : null;
}
