using Omstilling.Calls.Control;
using Omstilling.Media.Audio;

namespace Omstilling.Calls.Media;

/// <summary>What callers hear before they leave a voicemail, and instead of an absent person's phone ringing.</summary>
internal static class VoicemailPrompts
{
    /// <summary>
    /// Before the tone: while the person is away, their recorded absence greeting, else the
    /// generated one and "Indtal din besked efter tonen …"; otherwise their personal recording,
    /// else "Du har ringet til &lt;name&gt;" (when there is a name) and "Indtal din besked …". A
    /// recording is followed by the tone only: the person says what to do in it.
    /// </summary>
    public static (IReadOnlyList<AudioClip> Recordings, IReadOnlyList<string> Prompts) BeforeTone(VoicemailGreeting recorded, AbsenceGreeting? away)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if ((away is null ? recorded.Personal : recorded.Absence) is { } own)
        {
            return ([own], ["tone"]);
        }

        List<string> prompts = away is not null ? [.. AbsencePrompts.Greeting(away)]
            : recorded.NamePrompt is { } name ? ["du-har-ringet-til", name]
            : [];
        prompts.Add("indtal-besked");
        prompts.Add("tone");
        return ([], prompts);
    }

    /// <summary>Instead of an absent person's phone ringing: their recorded absence greeting, else the generated one.</summary>
    public static (IReadOnlyList<AudioClip> Recordings, IReadOnlyList<string> Prompts) Away(VoicemailGreeting recorded, AbsenceGreeting away)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(away);
        return recorded.Absence is { } own ? ([own], []) : ([], AbsencePrompts.Greeting(away));
    }
}
