using Omstilling.Calls.Control;
using Omstilling.Media.Prompts;

namespace Omstilling.Calls.Media;

/// <summary>What callers and staff hear about absence, as standard prompt names.</summary>
internal static class AbsencePrompts
{
    /// <summary>
    /// "Du har ringet til Anne Sørensen, som er til møde, og træffes igen klokken fjorten" (a later
    /// day is said too: "… og træffes igen mandag den syvende december klokken otte"). Without a
    /// spoken name: "Du har ringet til en medarbejder, som er til møde, …".
    /// </summary>
    public static IReadOnlyList<string> Greeting(AbsenceGreeting greeting)
    {
        ArgumentNullException.ThrowIfNull(greeting);
        var prompts = greeting.NamePrompt is { } name
            ? new List<string> { "du-har-ringet-til", name }
            : ["du-har-ringet-til-en-medarbejder"];
        prompts.Add(greeting.ReasonPrompt);
        if (greeting.BackAt is { } back)
        {
            prompts.Add("traeffes-igen");
            var day = DateOnly.FromDateTime(back);
            if (day != greeting.Today)
            {
                prompts.AddRange(DanishPhrases.Date(day));
            }

            prompts.AddRange(DanishPhrases.Time(back.Hour, back.Minute));
        }

        return prompts;
    }

    /// <summary>What a person hears after keying an absence code: "Dit fravær er registreret til klokken fjorten".</summary>
    public static IReadOnlyList<string> Confirmation(PhoneAbsenceResult result, TimeOnly? until) => result switch
    {
        PhoneAbsenceResult.Set when until is { } time => ["fravaer-registreret", "til", .. DanishPhrases.Time(time.Hour, time.Minute)],
        PhoneAbsenceResult.Set => ["fravaer-registreret"],
        PhoneAbsenceResult.Cleared => ["fravaer-slettet"],
        PhoneAbsenceResult.NothingToClear => ["intet-fravaer"],
        PhoneAbsenceResult.UnknownCode => ["ukendt-fravaerskode"],
        PhoneAbsenceResult.TimePassed => ["tidspunktet-er-gaaet"],
        PhoneAbsenceResult.NotAPerson => ["ikke-i-telefonbogen"],
        _ => throw new System.Diagnostics.UnreachableException($"PhoneAbsenceResult {result}"),
    };
}
