namespace Omstilling.Calls.Control;

/// <summary>
/// Staff absence as the call engine needs it: whom callers should hear about instead of ringing,
/// and the absence feature codes keyed on a phone (<c>*41*C*HHMM#</c>, <c>*41*C#</c>, <c>#41#</c>).
/// The directory's absence book answers it outside the engine (the engine knows extensions, not
/// people). Implementations are thread-safe and do not block: calls ask under their lock.
/// </summary>
public interface IStaffAbsence
{
    /// <summary>
    /// What a caller to <paramref name="extension"/> hears instead of its phone ringing, or null when
    /// the person there takes calls (present, working from home, or no person at all).
    /// </summary>
    AbsenceGreeting? GreetingFor(string extension, DateTimeOffset now);

    /// <summary>
    /// Sets absence code <paramref name="code"/> (the README's numbers: 1 møde, 2 frokost, …) for the
    /// person at <paramref name="extension"/>, until <paramref name="until"/> today in the policy's
    /// time zone, or until cleared when null.
    /// </summary>
    PhoneAbsenceResult SetFromPhone(string extension, int code, TimeOnly? until, DateTimeOffset now);

    /// <summary>Clears the absence of the person at <paramref name="extension"/>.</summary>
    PhoneAbsenceResult ClearFromPhone(string extension, DateTimeOffset now);
}

/// <summary>
/// An absent person as a caller hears about them. The engine speaks it: "Du har ringet til
/// &lt;name&gt;, som er til møde, og træffes igen klokken fjorten".
/// </summary>
/// <param name="PersonName">"Anne Sørensen", for the console and the log.</param>
/// <param name="NamePrompt">The prompt that says the name, or null when there is none yet (the caller hears "en medarbejder").</param>
/// <param name="ReasonPrompt">The prompt after the name: "som er til møde".</param>
/// <param name="BackAt">When they take calls again, in the policy's local time; null when not known.</param>
/// <param name="Today">The local date now, to say "klokken fjorten" for today and the day as well for later days.</param>
public sealed record AbsenceGreeting(string PersonName, string? NamePrompt, string ReasonPrompt, DateTime? BackAt, DateOnly Today);

/// <summary>What an absence feature code did; each has its own short prompt.</summary>
public enum PhoneAbsenceResult
{
    /// <summary>The absence is set.</summary>
    Set,
    /// <summary>The absence is cleared: calls ring again.</summary>
    Cleared,
    /// <summary><c>#41#</c> with no absence set.</summary>
    NothingToClear,
    /// <summary>The code is not one of the README's numbers.</summary>
    UnknownCode,
    /// <summary>The time keyed has already passed today.</summary>
    TimePassed,
    /// <summary>The extension belongs to no person in the directory.</summary>
    NotAPerson,
}

/// <summary>No one is ever absent: a platform without a staff directory.</summary>
public sealed class NoStaffAbsence : IStaffAbsence
{
    public AbsenceGreeting? GreetingFor(string extension, DateTimeOffset now) => null;

    public PhoneAbsenceResult SetFromPhone(string extension, int code, TimeOnly? until, DateTimeOffset now) => PhoneAbsenceResult.NotAPerson;

    public PhoneAbsenceResult ClearFromPhone(string extension, DateTimeOffset now) => PhoneAbsenceResult.NotAPerson;
}
