using Omstilling.Calls.Control;
using Omstilling.Media.Audio;

namespace Omstilling.Calls.Voicemail;

/// <summary>
/// Voicemail without a database or directory (a platform run without its web app, the engine's
/// tests): messages are kept as files in their box's folder, greetings are the standard ones,
/// and no box can be opened by phone. Thread-safe.
/// </summary>
public sealed class FolderVoicemailBoxes(VoicemailFolders folders, TimeSpan shortest) : IVoicemailBoxes
{
    public VoicemailGreeting GreetingFor(string box) => VoicemailGreeting.None;

    public VoicemailRecording StartRecording(string box, RecordingPurpose purpose, string caller, Guid callId, DateTimeOffset now) =>
        folders.Start(box, purpose, caller, callId, now);

    public Task<bool> KeepAsync(VoicemailRecording recording, TimeSpan length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recording);
        if (length < shortest || recording.Purpose != RecordingPurpose.Message)
        {
            File.Delete(recording.TemporaryFile);
            return Task.FromResult(false);
        }

        folders.Promote(recording);
        return Task.FromResult(true);
    }

    public Task<bool> HasPinAsync(string box, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<bool> CheckPinAsync(string box, string pin, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<IReadOnlyList<VoicemailListing>> MessagesAsync(string box, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<VoicemailListing>>([]);

    public Task<AudioClip> RecordingAsync(VoicemailListing message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Task.FromResult(WavReader.Read(message.File));
    }

    public Task SetHeardAsync(string box, Guid id, bool heard, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeleteAsync(string box, Guid id, CancellationToken cancellationToken) => Task.CompletedTask;
}
