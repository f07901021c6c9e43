using System.Buffers.Binary;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Omstilling.Calls.Control;
using Omstilling.Calls.Voicemail;
using Omstilling.Directory;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;
using Omstilling.Host.Tests.Support;
using Omstilling.Media.Audio;
using Omstilling.Media.Prompts;
using Omstilling.Runtime;
using Omstilling.Storage;
using Omstilling.Storage.Voicemail;
using Omstilling.Web.Cards;
using Omstilling.Web.Staff;
using Omstilling.Web.Voicemail;

namespace Omstilling.Host.Tests.Voicemail;

/// <summary>
/// The staff's voicemail as <c>run</c> wires it, on SQLite in a temporary folder: what the lamps
/// are told, which greeting callers hear, greetings converted from any WAV, an absence greeting
/// gone with its absence, and what a restart finds.
/// </summary>
public sealed class StaffVoicemailTests : IAsyncLifetime, IAsyncDisposable
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("omstilling-staffvm-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly OmstillingDatabase _database;
    private readonly DirectoryHolder _directory = new(new StaffDirectory(
        [],
        [new Department("borgerservice", "Borgerservice")],
        [new Person("camilla-holm", "Camilla Holm", "borgerservice") { Extension = "2012" }]));

    private readonly AbsenceBook _absences;
    private readonly List<string> _lamps = [];
    private StaffVoicemail _voicemail;

    public StaffVoicemailTests()
    {
        _database = new OmstillingDatabase(DatabaseOptions.EmbeddedIn(_folder));
        _absences = new AbsenceBook(_time);
        _voicemail = Create();
    }

    [Fact]
    public async Task The_lamp_is_told_when_the_counts_change_and_not_when_a_greeting_does()
    {
        var kept = await LeaveAsync(TimeSpan.FromSeconds(3));
        Assert.Equal(new MessageCounts(1, 0), ((IMessageWaiting)_voicemail).CountsFor("2012"));
        Assert.Equal(["2012"], _lamps);

        await _voicemail.SaveGreetingAsync("2012", GreetingKind.Personal, TestWav.Tone(16000, channels: 2, TimeSpan.FromSeconds(2)), CancellationToken.None);
        Assert.Equal(["2012"], _lamps);

        await _voicemail.SetHeardAsync("2012", kept.Id, heard: true, CancellationToken.None);
        await _voicemail.SetHeardAsync("2012", kept.Id, heard: true, CancellationToken.None); // no change
        Assert.Equal(new MessageCounts(0, 1), ((IMessageWaiting)_voicemail).CountsFor("2012"));
        Assert.Equal(["2012", "2012"], _lamps);

        await _voicemail.DeleteAsync("2012", kept.Id, CancellationToken.None);
        Assert.Equal(default, ((IMessageWaiting)_voicemail).CountsFor("2012"));
        Assert.False(File.Exists(_voicemail.Folders.PathOf("2012", kept.FileName)));
    }

    [Fact]
    public async Task A_recording_shorter_than_a_second_is_thrown_away()
    {
        var recording = _voicemail.StartRecording("2012", RecordingPurpose.Message, "2001", Guid.NewGuid(), _time.GetUtcNow());
        WavWriter.Write(recording.TemporaryFile, new short[4000]);

        Assert.False(await _voicemail.KeepAsync(recording, TimeSpan.FromSeconds(0.5), CancellationToken.None));

        Assert.False(File.Exists(recording.TemporaryFile));
        Assert.Empty(await _voicemail.Store.BoxAsync("2012", CancellationToken.None));
        Assert.Empty(_lamps);
    }

    [Fact]
    public async Task An_uploaded_greeting_of_any_wav_is_kept_at_8_khz_mono_and_a_bad_file_is_refused()
    {
        await _voicemail.SaveGreetingAsync("2012", GreetingKind.Personal, TestWav.Tone(44100, channels: 2, TimeSpan.FromSeconds(1.5)), CancellationToken.None);

        var settings = await _voicemail.Store.SettingsAsync("2012", CancellationToken.None);
        var kept = _voicemail.Folders.PathOf("2012", settings.GreetingFile!);
        var bytes = await File.ReadAllBytesAsync(kept);
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(22))); // mono
        Assert.Equal(8000u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24)));
        Assert.Equal(1.5, WavReader.Read(kept).Duration.TotalSeconds, precision: 2);
        Assert.NotNull(_voicemail.GreetingFor("2012").Personal);

        await Assert.ThrowsAsync<AudioFormatException>(() => _voicemail.SaveGreetingAsync("2012", GreetingKind.Personal, "not a wav file"u8.ToArray(), CancellationToken.None));
        Assert.Equal(settings, await _voicemail.Store.SettingsAsync("2012", CancellationToken.None)); // the old one stays
        await Assert.ThrowsAsync<AudioFormatException>(() => _voicemail.SaveGreetingAsync("2012", GreetingKind.Personal, TestWav.Tone(8000, 1, TimeSpan.FromSeconds(0.4)), CancellationToken.None));

        await _voicemail.SaveGreetingAsync("2012", GreetingKind.Personal, TestWav.Tone(8000, 1, TimeSpan.FromSeconds(2)), CancellationToken.None);
        Assert.False(File.Exists(kept)); // the greeting it replaced is gone
    }

    [Fact]
    public async Task An_absence_greeting_is_played_while_away_and_removed_when_the_absence_ends()
    {
        _absences.Set(new Absence("camilla-holm", AbsenceCode.Meeting, null, _time.GetUtcNow().AddHours(1), _time.GetUtcNow(), "camilla-holm"));
        await _voicemail.SaveGreetingAsync("2012", GreetingKind.Absence, TestWav.Tone(8000, 1, TimeSpan.FromSeconds(2)), CancellationToken.None);
        var file = _voicemail.Folders.PathOf("2012", (await _voicemail.Store.SettingsAsync("2012", CancellationToken.None)).AbsenceGreetingFile!);
        Assert.NotNull(_voicemail.GreetingFor("2012").Absence);

        _time.Advance(TimeSpan.FromHours(1.5)); // the meeting is over: the book drops it

        Assert.True(await Eventually.ReachedAsync(() => _voicemail.GreetingFor("2012").Absence is null && !File.Exists(file), TimeSpan.FromSeconds(10)));
        Assert.Null((await _voicemail.Store.SettingsAsync("2012", CancellationToken.None)).AbsenceGreetingFile);
    }

    [Fact]
    public async Task A_restart_finds_the_counts_and_greetings_and_clears_recordings_cut_off_by_a_crash_or_left_without_a_row()
    {
        await LeaveAsync(TimeSpan.FromSeconds(2));
        await _voicemail.SaveGreetingAsync("2012", GreetingKind.Personal, TestWav.Tone(8000, 1, TimeSpan.FromSeconds(2)), CancellationToken.None);
        var cut = _voicemail.StartRecording("2012", RecordingPurpose.Message, "2001", Guid.NewGuid(), _time.GetUtcNow());
        WavWriter.Write(cut.TemporaryFile, new short[16000]); // the process died here
        var orphan = _voicemail.StartRecording("2012", RecordingPurpose.Message, "2003", Guid.NewGuid(), _time.GetUtcNow());
        WavWriter.Write(orphan.TemporaryFile, new short[16000]);
        var orphanFile = _voicemail.Folders.PathOf("2012", _voicemail.Folders.Promote(orphan)); // and this one died before its row
        _voicemail.Dispose();

        _voicemail = Create();
        await _voicemail.StartAsync(CancellationToken.None);

        Assert.Equal(new MessageCounts(1, 0), ((IMessageWaiting)_voicemail).CountsFor("2012"));
        Assert.NotNull(_voicemail.GreetingFor("2012").Personal);
        Assert.False(File.Exists(cut.TemporaryFile));
        Assert.False(File.Exists(orphanFile));
        var message = Assert.Single(await _voicemail.Store.BoxAsync("2012", CancellationToken.None));
        Assert.True(File.Exists(_voicemail.Folders.PathOf("2012", message.FileName)));
        Assert.True(File.Exists(_voicemail.Folders.PathOf("2012", (await _voicemail.Store.SettingsAsync("2012", CancellationToken.None)).GreetingFile!)));
    }

    [Fact]
    public async Task Messages_older_than_the_policy_keeps_them_are_deleted_with_their_recordings()
    {
        var old = await LeaveAsync(TimeSpan.FromSeconds(2));
        _time.Advance(TimeSpan.FromDays(30));
        var recent = await LeaveAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(1, await _voicemail.DeleteOlderThanAsync(_time.GetUtcNow() - TimeSpan.FromDays(29), CancellationToken.None));

        Assert.Equal([recent.Id], (await _voicemail.Store.BoxAsync("2012", CancellationToken.None)).Select(m => m.Id));
        Assert.False(File.Exists(_voicemail.Folders.PathOf("2012", old.FileName)));
        Assert.True(File.Exists(_voicemail.Folders.PathOf("2012", recent.FileName)));
        Assert.Equal(new MessageCounts(1, 0), ((IMessageWaiting)_voicemail).CountsFor("2012"));
    }

    public async Task InitializeAsync()
    {
        await _database.MigrateAsync(CancellationToken.None);
        await _voicemail.StartAsync(CancellationToken.None);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _voicemail.Dispose();
        _absences.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private StaffVoicemail Create()
    {
        var faults = new FaultMonitor(NullLoggerFactory.Instance, _time);
        var names = new DirectoryAbsence(_directory, _absences, new PromptLibrary([_folder]), Copenhagen, faults, NullLogger<DirectoryAbsence>.Instance);
        var voicemail = new StaffVoicemail(new VoicemailStore(_database, _time), new VoicemailFolders(Path.Combine(_folder, "voicemail")), _directory, _absences, names, TimeSpan.FromSeconds(1), _time, faults, NullLogger<StaffVoicemail>.Instance);
        ((IMessageWaiting)voicemail).Changed += _lamps.Add;
        return voicemail;
    }

    private async Task<StoredVoicemail> LeaveAsync(TimeSpan length)
    {
        var recording = _voicemail.StartRecording("2012", RecordingPurpose.Message, "2001", Guid.NewGuid(), _time.GetUtcNow());
        WavWriter.Write(recording.TemporaryFile, new short[(int)(length.TotalSeconds * 8000)]);
        Assert.True(await _voicemail.KeepAsync(recording, length, CancellationToken.None));
        return await _voicemail.Store.FindAsync(recording.Id, CancellationToken.None) ?? throw new InvalidOperationException("not kept");
    }
}
