using Omstilling.Directory.Live;
using Omstilling.Directory.Model;
using Omstilling.Policy.Schedule;

namespace Omstilling.Web.Console;

/// <summary>
/// The absence form on a person's card ("Kod fravær"): the code, until when (local time, as the
/// browser's datetime field gives it) and a note; saved to the <see cref="AbsenceBook"/>, which
/// every console follows. The form starts empty for each person. Not thread-safe: one per console,
/// used on its circuit.
/// </summary>
public sealed class AbsenceViewModel(AbsenceBook book, TimeProvider time, TimeZoneInfo zone, string userName, ConsoleFeedback feedback)
{
    private string? _personId;

    public AbsenceCode Code { get; set; } = AbsenceCode.Meeting;

    /// <summary>The value of the "til" field (yyyy-MM-ddTHH:mm, local time), or null/empty for no end.</summary>
    public string? Until { get; set; }

    public string? Note { get; set; }

    /// <summary>The form is for this person now: a new person gets an empty form.</summary>
    public void For(string? personId)
    {
        if (personId != _personId)
        {
            _personId = personId;
            Reset();
        }
    }

    /// <summary>Codes the person's absence; false (and the operator told why) when the end is unreadable or has passed.</summary>
    public bool Save(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        DateTimeOffset? until = null;
        if (!string.IsNullOrWhiteSpace(Until))
        {
            if (!LocalInput.TryParse(Until, out var local))
            {
                feedback.Refuse("Skriv til-tidspunktet som dato og klokkeslæt.");
                return false;
            }

            until = LocalTimeResolver.Resolve(local, zone).Instant;
        }

        var now = time.GetUtcNow();
        if (until <= now)
        {
            // The book refuses an absence that has already ended; say so instead of ending the session.
            feedback.Refuse($"Til-tidspunktet {Omstilling.Directory.Text.DanishTime.Until(until.Value, now, zone)} er allerede passeret.");
            return false;
        }

        var note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        book.Set(new Absence(person.Id, Code, note, until, now, userName));
        feedback.Say($"{person.Name}: {Code.DanishLabel()}.");
        Reset();
        return true;
    }

    public void Clear(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        book.Clear(person.Id);
        feedback.Say($"{person.Name} er ikke længere kodet fraværende.");
    }

    private void Reset()
    {
        Code = AbsenceCode.Meeting;
        Until = null;
        Note = null;
    }
}
