using Omstilling.Calls.Events;
using Omstilling.Media.Audio;
using Omstilling.Policy.Model;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// What a call's parts ask of their call: its events, the caller's audio, and the policy's next
/// step. Implemented by <see cref="Call"/>; every member is used, and runs, under the call's lock.
/// </summary>
internal interface ICallSteps : ICallBasics
{
    /// <summary>Answers the caller; false when the caller's CANCEL won (the call has then ended).</summary>
    bool AnswerCaller();

    /// <summary>Answers the caller when needed, plays the prompts, then runs <paramref name="then"/> (if nothing else played meanwhile).</summary>
    void PlayThen(IReadOnlyList<string> prompts, Action then);

    /// <summary>As <see cref="PlayThen(IReadOnlyList{string}, Action)"/>, with recordings (a person's greeting) before the prompts.</summary>
    void PlayThen(IReadOnlyList<AudioClip> recordings, IReadOnlyList<string> prompts, Action then);

    /// <summary>Work of the call's that goes on without it (keeping a voicemail): a failure is contained and logged, never lost.</summary>
    void Observe(Task task, string what);

    /// <summary>Plays one clip to the caller over and over (music, the ringing tone) until something else plays.</summary>
    void PlayToCaller(AudioClip clip);

    /// <summary>Runs <paramref name="then"/> under the call's lock once <paramref name="task"/> is done, unless the call has ended; a failure ends the call.</summary>
    void After(Task task, Action then, string what);

    /// <summary>What a policy action says next; with none, the call ends with <paramref name="status"/>.</summary>
    void Follow(PolicyAction? action, int status, CallEndReason reason);

    /// <summary>Ends the call for want of anyone to take it (a refusal before an answer, a spoken reason and a BYE after).</summary>
    void Finish(int status, CallEndReason reason);

    /// <summary>The platform ends the call: every leg is hung up.</summary>
    void HangUp(CallEndReason reason);
}
