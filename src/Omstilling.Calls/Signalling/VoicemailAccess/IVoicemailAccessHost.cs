using Omstilling.Media.Audio;

namespace Omstilling.Calls.Signalling.VoicemailAccess;

/// <summary>
/// What the voicemail number's session asks of the call it runs in (a <see cref="ServedCall"/>).
/// Every member is used under the call's lock; what it runs later (<c>then</c>) runs under it too,
/// and only while the call lasts.
/// </summary>
internal interface IVoicemailAccessHost
{
    Guid Id { get; }

    /// <summary>The authenticated caller: the extension whose box is opened.</summary>
    string Caller { get; }

    DateTimeOffset Now { get; }

    /// <summary>Standard prompts by name, as clips.</summary>
    IReadOnlyList<AudioClip> Prompts(IReadOnlyList<string> names);

    /// <summary>Plays the clips (stopping what played), then runs <paramref name="then"/> if they played to the end and nothing else was played meanwhile.</summary>
    void Play(IReadOnlyList<AudioClip> clips, Action then);

    void StopPlaying();

    /// <summary>Runs <paramref name="then"/> with the task's result once it is done; a failure is contained and ends the call.</summary>
    void After<T>(Task<T> task, Action<T> then, string what);

    /// <summary>Runs <paramref name="then"/> after <paramref name="delay"/>; cancel the timer to drop it.</summary>
    Omstilling.Sip.Timing.ScheduledTimer Schedule(TimeSpan delay, Action then, string what);

    /// <summary>Work that goes on without the call (a message marked heard): a failure is contained and logged.</summary>
    void Observe(Task task, string what);

    /// <summary>Plays the prompts, then ends the call.</summary>
    void HangUpAfter(IReadOnlyList<string> prompts);
}
