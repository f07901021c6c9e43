using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Omstilling.Calls.Control;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;
using Omstilling.Media.Audio;
using Omstilling.Media.Prompts;
using Omstilling.Runtime;
using Omstilling.Web.Cards;

namespace Omstilling.Web.Staff;

/// <summary>
/// The call engine's view of staff absence (<see cref="IStaffAbsence"/>), answered from the staff
/// directory (extension → person) and the <see cref="AbsenceBook"/>. Times keyed on a phone are
/// local times in the policy's zone. A person's name is spoken for callers once they are coded
/// absent: the speech is made off the calls' threads (espeak-ng, kept in the data directory), and
/// until it is there callers hear "en medarbejder" instead. Thread-safe.
/// </summary>
public sealed partial class DirectoryAbsence : IStaffAbsence, IDisposable
{
    private readonly DirectoryHolder _directory;
    private readonly AbsenceBook _book;
    private readonly PromptLibrary _prompts;
    private readonly TimeZoneInfo _zone;
    private readonly FaultBoundary _faults;
    private readonly ILogger _logger;

    /// <summary>Person id → the name their name prompt says (only names whose speech is ready).</summary>
    private readonly ConcurrentDictionary<string, string> _spokenNames = new(StringComparer.Ordinal);

    /// <summary>One speech at a time: two for the same person would write the same file.</summary>
    private readonly SemaphoreSlim _speaking = new(1, 1);

    public DirectoryAbsence(DirectoryHolder directory, AbsenceBook book, PromptLibrary prompts, TimeZoneInfo zone, FaultMonitor faults, ILogger<DirectoryAbsence> logger)
    {
        ArgumentNullException.ThrowIfNull(faults);
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _book = book ?? throw new ArgumentNullException(nameof(book));
        _prompts = prompts ?? throw new ArgumentNullException(nameof(prompts));
        _zone = zone ?? throw new ArgumentNullException(nameof(zone));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _faults = faults.Boundary("web.absence-names");
        _book.Changed += OnChanged;
    }

    /// <summary>The library name of the prompt that says a person's name (a recording of that name in the data directory's prompts/ replaces the speech).</summary>
    public static string NamePrompt(string personId) => "navn-" + personId;

    /// <summary>Speaks the names of everyone absent now (after the absence book is restored at start); completes when they are spoken.</summary>
    public Task SpeakAbsentNamesAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.WhenAll(_book.ActiveAbsences(now).Select(a => SpeakNameAsync(a.PersonId, cancellationToken)));

    /// <summary>As <see cref="SpeakAbsentNamesAsync"/>, without holding up the start (speech of many names takes seconds).</summary>
    public void SpeakAbsentNamesInBackground(DateTimeOffset now) =>
        _faults.Observe(SpeakAbsentNamesAsync(now, CancellationToken.None), null, "speaking the names of those absent at start");

    public AbsenceGreeting? GreetingFor(string extension, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(extension);
        if (_directory.Current.FindByExtension(extension) is not { } person
            || _book.Current(person.Id, now) is not { } absence
            || !absence.Code.BlocksCalls())
        {
            return null;
        }

        var spoken = _spokenNames.TryGetValue(person.Id, out var said) && said == person.Name ? NamePrompt(person.Id) : null;
        DateTime? back = absence.Until is { } until ? TimeZoneInfo.ConvertTime(until, _zone).DateTime : null;
        return new AbsenceGreeting(person.Name, spoken, absence.Code.SpokenPrompt(), back, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, _zone).DateTime));
    }

    /// <summary>
    /// The prompt that says the name of the person at <paramref name="extension"/> (their voicemail's
    /// greeting), or null when no person is there or the name is not spoken yet: it is then spoken
    /// in the background for the next caller.
    /// </summary>
    public string? NamePromptFor(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        if (_directory.Current.FindByExtension(extension) is not { } person)
        {
            return null;
        }

        if (_spokenNames.TryGetValue(person.Id, out var said) && said == person.Name)
        {
            return NamePrompt(person.Id);
        }

        _faults.Observe(SpeakNameAsync(person.Id, CancellationToken.None), person.Id, "speaking a person's name for their voicemail");
        return null;
    }

    public PhoneAbsenceResult SetFromPhone(string extension, int code, TimeOnly? until, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(extension);
        if (_directory.Current.FindByExtension(extension) is not { } person)
        {
            return PhoneAbsenceResult.NotAPerson;
        }

        if (!AbsenceCodeText.TryFromPhoneCode(code, out var absenceCode))
        {
            return PhoneAbsenceResult.UnknownCode;
        }

        DateTimeOffset? end = null;
        if (until is { } time)
        {
            var local = TimeZoneInfo.ConvertTime(now, _zone).DateTime.Date + time.ToTimeSpan();
            end = new DateTimeOffset(local, _zone.GetUtcOffset(local));
            if (end <= now)
            {
                return PhoneAbsenceResult.TimePassed;
            }
        }

        _book.Set(new Absence(person.Id, absenceCode, null, end, now, person.Id));
        return PhoneAbsenceResult.Set;
    }

    public PhoneAbsenceResult ClearFromPhone(string extension, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(extension);
        if (_directory.Current.FindByExtension(extension) is not { } person)
        {
            return PhoneAbsenceResult.NotAPerson;
        }

        return _book.Clear(person.Id) ? PhoneAbsenceResult.Cleared : PhoneAbsenceResult.NothingToClear;
    }

    public void Dispose()
    {
        // The semaphore is left to the collector: speech still under way at shutdown may yet release it.
        _book.Changed -= OnChanged;
    }

    /// <summary>A person's absence changed (the id may be a department's: then nothing is spoken).</summary>
    private void OnChanged(string id)
    {
        if (_book.Current(id) is not null)
        {
            _faults.Observe(SpeakNameAsync(id, CancellationToken.None), id, "speaking an absent person's name");
        }
    }

    private async Task SpeakNameAsync(string personId, CancellationToken cancellationToken)
    {
        if (!_directory.Current.TryGetPerson(personId, out var person)
            || (_spokenNames.TryGetValue(personId, out var said) && said == person.Name))
        {
            return;
        }

        await _speaking.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_spokenNames.TryGetValue(personId, out said) && said == person.Name)
            {
                return; // spoken while this one waited its turn
            }

            await _prompts.EnsureAsync(NamePrompt(personId), person.Name, cancellationToken).ConfigureAwait(false);
            _spokenNames[personId] = person.Name;
        }
        catch (Exception e) when (e is AudioFormatException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            LogNameNotSpoken(_logger, person.Name, e.Message);
        }
        finally
        {
            _speaking.Release();
        }
    }

    [LoggerMessage(EventId = 6401, Level = LogLevel.Warning, Message = "The name {Name} cannot be spoken to callers ({Problem}); they hear \"en medarbejder\" instead")]
    private static partial void LogNameNotSpoken(ILogger logger, string name, string problem);
}
