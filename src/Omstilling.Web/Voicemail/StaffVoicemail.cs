using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Omstilling.Calls.Control;
using Omstilling.Calls.Voicemail;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;
using Omstilling.Media.Audio;
using Omstilling.Runtime;
using Omstilling.Storage.Voicemail;
using Omstilling.Web.Cards;
using Omstilling.Web.Staff;

namespace Omstilling.Web.Voicemail;

/// <summary>
/// The staff's voicemail: the engine's boxes (<see cref="IVoicemailBoxes"/>) and their lamps
/// (<see cref="IMessageWaiting"/>), kept in the database (<see cref="VoicemailStore"/>) and the
/// data directory's voicemail folder (<see cref="VoicemailFolders"/>). A message is stored when its
/// recording is whole; it is e-mailed when its person wants that and has an address. Counts and
/// recorded greetings are kept in memory so calls never wait for the database; each change to a
/// box reads its counts again and raises <see cref="Changed"/> (and <see cref="CountsChanged"/>
/// when they differ) outside any lock. A temporary
/// absence greeting is removed when its person's absence ends. Thread-safe.
/// </summary>
public sealed partial class StaffVoicemail : IVoicemailBoxes, IMessageWaiting, IDisposable
{
    private readonly VoicemailStore _store;
    private readonly VoicemailFolders _folders;
    private readonly DirectoryHolder _directory;
    private readonly AbsenceBook _absences;
    private readonly DirectoryAbsence _names;
    private readonly TimeSpan _shortest;
    private readonly TimeProvider _time;
    private readonly FaultBoundary _faults;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, MessageCounts> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RecordedGreetings> _greetings = new(StringComparer.Ordinal);

    /// <summary>One count refresh at a time, so an older read never overwrites a newer one.</summary>
    private readonly SemaphoreSlim _counting = new(1, 1);

    private DailyJob? _retention;

    public StaffVoicemail(VoicemailStore store, VoicemailFolders folders, DirectoryHolder directory, AbsenceBook absences, DirectoryAbsence names, TimeSpan shortest, TimeProvider time, FaultMonitor faults, ILogger<StaffVoicemail> logger)
    {
        ArgumentNullException.ThrowIfNull(faults);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _folders = folders ?? throw new ArgumentNullException(nameof(folders));
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _absences = absences ?? throw new ArgumentNullException(nameof(absences));
        _names = names ?? throw new ArgumentNullException(nameof(names));
        _shortest = shortest;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _faults = faults.Boundary("web.voicemail");
    }

    /// <summary>Raised with a box's name after anything in it changed: a message, its greetings (for the staff page).</summary>
    public event Action<string>? Changed;

    /// <summary>Raised with a box's name after its counts changed (for the phones' lamps: a greeting changes no lamp).</summary>
    public event Action<string>? CountsChanged;

    event Action<string>? IMessageWaiting.Changed
    {
        add => CountsChanged += value;
        remove => CountsChanged -= value;
    }

    public VoicemailFolders Folders => _folders;

    public VoicemailStore Store => _store;

    /// <summary>
    /// Clears recordings a stop or crash cut off and whole ones no row keeps, loads the counts and
    /// greetings, drops absence greetings whose absence ended while the platform was down, then
    /// follows the absence book.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var unfinished in _folders.Unfinished().ToList())
        {
            LogUnfinished(_logger, unfinished);
            File.Delete(unfinished);
        }

        await RemoveUnkeptAsync(cancellationToken);

        foreach (var (box, (fresh, old)) in await _store.CountsAsync(cancellationToken))
        {
            _counts[box] = new MessageCounts(fresh, old);
        }

        foreach (var settings in await _store.AllSettingsAsync(cancellationToken))
        {
            _greetings[settings.Box] = new RecordedGreetings(Load(settings.Box, settings.GreetingFile), Load(settings.Box, settings.AbsenceGreetingFile));
            if (settings.AbsenceGreetingFile is not null && !IsAway(settings.Box))
            {
                await RemoveGreetingAsync(settings.Box, GreetingKind.Absence, cancellationToken);
            }
        }

        _absences.Changed += OnAbsenceChanged;
    }

    /// <summary>
    /// Whole recordings no message or greeting row names: a process that died between renaming a
    /// recording into place and writing its row (or between a greeting's replacement and the old
    /// file's removal) left them, and nothing would ever play or expire them, so they would outlive
    /// the policy's retention. Run at start, before anything records.
    /// </summary>
    private async Task RemoveUnkeptAsync(CancellationToken cancellationToken)
    {
        var kept = (await _store.FilesAsync(cancellationToken))
            .Where(f => Path.GetFileName(f.FileName) == f.FileName && f.FileName.Length > 0)
            .Select(f => Path.GetFullPath(_folders.PathOf(f.Box, f.FileName)))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var file in _folders.Whole().Where(f => !kept.Contains(Path.GetFullPath(f))).ToList())
        {
            LogUnkept(_logger, file);
            File.Delete(file);
        }
    }

    /// <summary>Deletes messages older than <paramref name="days"/> (asked each time: the policy may change) now and then daily.</summary>
    public void StartRetention(Func<int> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        _retention ??= new DailyJob(_time, _faults, () => DeleteOlderThanAsync(_time.GetUtcNow() - TimeSpan.FromDays(days()), CancellationToken.None), "a day's retention of voicemails");
        _retention.Start();
    }

    public void Dispose()
    {
        _retention?.Dispose();
        _absences.Changed -= OnAbsenceChanged;
        _counting.Dispose();
    }

    public MessageCounts CountsFor(string box) => _counts.GetValueOrDefault(box);

    public VoicemailGreeting GreetingFor(string box)
    {
        var recorded = _greetings.GetValueOrDefault(box);
        return new VoicemailGreeting(recorded?.Personal, recorded?.Absence, _names.NamePromptFor(box));
    }

    public VoicemailRecording StartRecording(string box, RecordingPurpose purpose, string caller, Guid callId, DateTimeOffset now) =>
        _folders.Start(box, purpose, caller, callId, now);

    public async Task<bool> KeepAsync(VoicemailRecording recording, TimeSpan length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recording);
        if (length < _shortest)
        {
            File.Delete(recording.TemporaryFile);
            LogTooShort(_logger, recording.Box, length.TotalSeconds);
            return false;
        }

        var fileName = _folders.Promote(recording);
        switch (recording.Purpose)
        {
            case RecordingPurpose.Message:
                var person = _directory.Current.FindByExtension(recording.Box);
                var settings = await _store.SettingsAsync(recording.Box, cancellationToken);
                await _store.KeepAsync(
                    new VoicemailDeposit(recording.Id, recording.Box, person?.Id, recording.Caller, null, recording.CallId, recording.StartedAt, length, fileName)
                    {
                        RecipientEmail = settings.EmailMessages ? person?.Email : null,
                        RecipientName = person?.Name,
                    },
                    cancellationToken);
                LogKept(_logger, recording.Box, recording.Id, length.TotalSeconds);
                Kept?.Invoke();
                await RefreshAsync(recording.Box, cancellationToken);
                return true;
            case RecordingPurpose.Greeting:
                await SetGreetingAsync(recording.Box, IsAway(recording.Box) ? GreetingKind.Absence : GreetingKind.Personal, fileName, cancellationToken);
                return true;
            default:
                throw new System.Diagnostics.UnreachableException($"RecordingPurpose {recording.Purpose}");
        }
    }

    /// <summary>Raised after a message is kept (the mailer wakes for it).</summary>
    public event Action? Kept;

    public async Task<bool> HasPinAsync(string box, CancellationToken cancellationToken) =>
        (await _store.SettingsAsync(box, cancellationToken)).HasPin;

    public Task<bool> CheckPinAsync(string box, string pin, CancellationToken cancellationToken) => _store.CheckPinAsync(box, pin, cancellationToken);

    public async Task<IReadOnlyList<VoicemailListing>> MessagesAsync(string box, CancellationToken cancellationToken) =>
        [.. (await _store.BoxAsync(box, cancellationToken)).Select(m => new VoicemailListing(m.Id, m.CallerNumber, m.ReceivedAt, m.Length, m.Heard, _folders.PathOf(m.Box, m.FileName)))];

    public async Task<AudioClip> RecordingAsync(VoicemailListing message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var bytes = await File.ReadAllBytesAsync(message.File, cancellationToken);
        return WavReader.Read(bytes, message.File, message.Id.ToString("N"));
    }

    public async Task SetHeardAsync(string box, Guid id, bool heard, CancellationToken cancellationToken)
    {
        if (await _store.SetHeardAsync(id, box, heard, cancellationToken))
        {
            await RefreshAsync(box, cancellationToken);
        }
    }

    public async Task DeleteAsync(string box, Guid id, CancellationToken cancellationToken)
    {
        if (await _store.DeleteAsync(id, box, cancellationToken) is { } deleted)
        {
            _folders.Delete(deleted.Box, deleted.FileName);
            LogDeleted(_logger, box, id);
            await RefreshAsync(box, cancellationToken);
        }
    }

    /// <summary>
    /// Deletes every message left before <paramref name="before"/> (the policy's
    /// <c>retention: voicemail-days</c>), its recording with it; returns how many.
    /// </summary>
    public async Task<int> DeleteOlderThanAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (await _store.OlderThanAsync(before, 200, cancellationToken) is { Count: > 0 } batch)
        {
            foreach (var message in batch)
            {
                await DeleteAsync(message.Box, message.Id, cancellationToken);
                deleted++;
            }
        }

        LogRetention(_logger, deleted, IsoTime.Format(before));
        return deleted;
    }

    /// <summary>
    /// Makes an uploaded or recorded WAV file (any rate, channels and encoding WAV holds) the box's
    /// greeting: converted to 8 kHz mono, written whole, then stored; the one it replaces is
    /// deleted. Throws <see cref="AudioFormatException"/> when the file is no usable WAV.
    /// </summary>
    public async Task SaveGreetingAsync(string box, GreetingKind kind, ReadOnlyMemory<byte> wav, CancellationToken cancellationToken)
    {
        var clip = WavReader.Read(wav.Span, "den uploadede fil", "hilsen");
        if (clip.Duration < _shortest)
        {
            throw new AudioFormatException("Hilsenen er for kort (under et sekund).");
        }

        var fileName = VoicemailFolders.FinalName(Guid.CreateVersion7(_time.GetUtcNow()), RecordingPurpose.Greeting);
        var converted = new MemoryStream();
        using (var writer = new WavWriter(converted))
        {
            writer.Append(clip.Samples); // the writer closes the stream; its bytes stay readable
        }

        await _folders.WriteAsync(box, fileName, converted.ToArray(), cancellationToken);
        await SetGreetingAsync(box, kind, fileName, cancellationToken);
    }

    /// <summary>Removes a recorded greeting (callers hear the generated one again).</summary>
    public Task RemoveGreetingAsync(string box, GreetingKind kind, CancellationToken cancellationToken) => SetGreetingAsync(box, kind, null, cancellationToken);

    /// <summary>The recorded greeting of the kind, to play in the browser, or null.</summary>
    public AudioClip? RecordedGreeting(string box, GreetingKind kind) => _greetings.GetValueOrDefault(box) is { } recorded
        ? kind switch
        {
            GreetingKind.Personal => recorded.Personal,
            GreetingKind.Absence => recorded.Absence,
            _ => throw new System.Diagnostics.UnreachableException($"GreetingKind {kind}"),
        }
        : null;

    private async Task SetGreetingAsync(string box, GreetingKind kind, string? fileName, CancellationToken cancellationToken)
    {
        var clip = fileName is null ? null : Load(box, fileName);
        var replaced = await _store.SetGreetingAsync(box, kind, fileName, cancellationToken);
        _greetings.AddOrUpdate(
            box,
            _ => kind == GreetingKind.Personal ? new RecordedGreetings(clip, null) : new RecordedGreetings(null, clip),
            (_, was) => kind == GreetingKind.Personal ? was with { Personal = clip } : was with { Absence = clip });
        if (replaced is not null)
        {
            _folders.Delete(box, replaced);
        }

        LogGreeting(_logger, box, kind, fileName is not null);
        Changed?.Invoke(box);
    }

    private async Task RefreshAsync(string box, CancellationToken cancellationToken)
    {
        MessageCounts counted, before;
        await _counting.WaitAsync(cancellationToken);
        try
        {
            var (fresh, old) = await _store.CountsAsync(box, cancellationToken);
            counted = new MessageCounts(fresh, old);
            before = _counts.GetValueOrDefault(box);
            _counts[box] = counted;
        }
        finally
        {
            _counting.Release();
        }

        if (counted != before)
        {
            CountsChanged?.Invoke(box);
        }

        Changed?.Invoke(box);
    }

    private bool IsAway(string box) => _directory.Current.FindByExtension(box) is { } person && _absences.Current(person.Id) is { } absence && absence.Code.BlocksCalls();

    /// <summary>A person's absence changed: when it has ended, their temporary greeting goes with it.</summary>
    private void OnAbsenceChanged(string personId)
    {
        if (!_directory.Current.TryGetPerson(personId, out var person) || person.Extension is not { } box
            || _greetings.GetValueOrDefault(box)?.Absence is null || IsAway(box))
        {
            return;
        }

        _faults.Observe(RemoveGreetingAsync(box, GreetingKind.Absence, CancellationToken.None), box, "removing an absence greeting whose absence ended");
    }

    private AudioClip? Load(string box, string? fileName)
    {
        if (fileName is null)
        {
            return null;
        }

        try
        {
            return WavReader.Read(_folders.PathOf(box, fileName));
        }
        catch (AudioFormatException e)
        {
            LogGreetingUnreadable(_logger, box, e.Message);
            return null;
        }
    }

    /// <summary>A box's recorded greetings, loaded.</summary>
    private sealed record RecordedGreetings(AudioClip? Personal, AudioClip? Absence);

    [LoggerMessage(EventId = 6501, Level = LogLevel.Information, Message = "Voicemail {Id} kept in box {Box} ({Seconds:0.0} s)")]
    private static partial void LogKept(ILogger logger, string box, Guid id, double seconds);

    [LoggerMessage(EventId = 6502, Level = LogLevel.Debug, Message = "A recording for box {Box} of {Seconds:0.0} s is too short to keep")]
    private static partial void LogTooShort(ILogger logger, string box, double seconds);

    [LoggerMessage(EventId = 6503, Level = LogLevel.Information, Message = "Voicemail {Id} deleted from box {Box}")]
    private static partial void LogDeleted(ILogger logger, string box, Guid id);

    [LoggerMessage(EventId = 6504, Level = LogLevel.Information, Message = "Box {Box}: {Kind} greeting {Recorded}")]
    private static partial void LogGreetingChange(ILogger logger, string box, GreetingKind kind, string recorded);

    [LoggerMessage(EventId = 6505, Level = LogLevel.Warning, Message = "Box {Box}: a recorded greeting cannot be played ({Error}); callers hear the generated one")]
    private static partial void LogGreetingUnreadable(ILogger logger, string box, string error);

    [LoggerMessage(EventId = 6507, Level = LogLevel.Information, Message = "Voicemail retention: {Count} message(s) left before {Before} deleted")]
    private static partial void LogRetention(ILogger logger, int count, string before);

    [LoggerMessage(EventId = 6506, Level = LogLevel.Warning, Message = "A voicemail recording cut off by a stop was removed: {File}")]
    private static partial void LogUnfinished(ILogger logger, string file);

    [LoggerMessage(EventId = 6508, Level = LogLevel.Warning, Message = "A voicemail recording no message or greeting keeps was removed (a stop came between its file and its row): {File}")]
    private static partial void LogUnkept(ILogger logger, string file);

    private static void LogGreeting(ILogger logger, string box, GreetingKind kind, bool recorded) =>
        LogGreetingChange(logger, box, kind, recorded ? "recorded" : "removed");
}
