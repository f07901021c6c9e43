using Omstilling.Media.Audio;

namespace Omstilling.Calls.Control;

/// <summary>
/// Voicemail boxes as the call engine needs them: what a caller hears before the tone, where a
/// recording goes and how it is kept, and what a person reaches on the voicemail number (their
/// messages, behind a PIN). Boxes are named as the policy names them (a person's extension, a
/// department's id). The synchronous members answer from memory and do not block (calls ask
/// under their lock); the tasks run off the call's lock and complete on any thread.
/// </summary>
public interface IVoicemailBoxes
{
    /// <summary>The box's recorded greetings and spoken name, for what a caller hears before the tone.</summary>
    VoicemailGreeting GreetingFor(string box);

    /// <summary>
    /// Where a new recording for the box is written: a temporary file, which becomes the message
    /// (or greeting) only when <see cref="KeepAsync"/> has it whole.
    /// </summary>
    VoicemailRecording StartRecording(string box, RecordingPurpose purpose, string caller, Guid callId, DateTimeOffset now);

    /// <summary>
    /// The recording is finished (its writer closed): one long enough becomes the box's message or
    /// greeting (renamed into place, then stored); a shorter one is thrown away. Tells whether it was kept.
    /// </summary>
    Task<bool> KeepAsync(VoicemailRecording recording, TimeSpan length, CancellationToken cancellationToken);

    /// <summary>Whether the box has a PIN (without one, it cannot be opened by phone).</summary>
    Task<bool> HasPinAsync(string box, CancellationToken cancellationToken);

    Task<bool> CheckPinAsync(string box, string pin, CancellationToken cancellationToken);

    /// <summary>The box's messages, new ones first, each newest first.</summary>
    Task<IReadOnlyList<VoicemailListing>> MessagesAsync(string box, CancellationToken cancellationToken);

    /// <summary>A message's recording, to play.</summary>
    Task<AudioClip> RecordingAsync(VoicemailListing message, CancellationToken cancellationToken);

    Task SetHeardAsync(string box, Guid id, bool heard, CancellationToken cancellationToken);

    Task DeleteAsync(string box, Guid id, CancellationToken cancellationToken);
}

/// <summary>
/// A box's greetings as recorded: the person's own (<paramref name="Personal"/>), the temporary one
/// for while they are coded absent (<paramref name="Absence"/>, gone when the absence ends), and the
/// prompt that says their name (null when the box is no person's or the name is not spoken yet).
/// The engine chooses among them by the person's absence (<c>VoicemailPrompts</c>).
/// </summary>
public sealed record VoicemailGreeting(AudioClip? Personal, AudioClip? Absence, string? NamePrompt)
{
    public static VoicemailGreeting None { get; } = new(null, null, null);
}

/// <summary>What a recording is for.</summary>
public enum RecordingPurpose
{
    /// <summary>A caller's message.</summary>
    Message,
    /// <summary>The person's own greeting, recorded on the voicemail number.</summary>
    Greeting,
}

/// <summary>A recording under way: the temporary file it is written to, and what it becomes.</summary>
public sealed record VoicemailRecording(Guid Id, string Box, RecordingPurpose Purpose, string Caller, Guid CallId, DateTimeOffset StartedAt, string TemporaryFile);

/// <summary>A message as the voicemail number reads it out.</summary>
public sealed record VoicemailListing(Guid Id, string CallerNumber, DateTimeOffset ReceivedAt, TimeSpan Length, bool Heard, string File);
