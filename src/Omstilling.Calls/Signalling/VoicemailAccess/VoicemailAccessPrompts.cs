using Omstilling.Media.Prompts;

namespace Omstilling.Calls.Signalling.VoicemailAccess;

/// <summary>What the voicemail number says, as standard prompt names.</summary>
internal static class VoicemailAccessPrompts
{
    /// <summary>"Du har to nye beskeder og en gemt besked" ("ingen nye beskeder" for none; above 99, "mange").</summary>
    public static IReadOnlyList<string> Counts(int fresh, int kept) =>
        ["du-har", .. Count(fresh, "ny-besked", "nye-beskeder"), "og", .. Count(kept, "gemt-besked", "gemte-beskeder")];

    /// <summary>Before a message: "Ny besked fra to nul nul et, modtaget i dag klokken fjorten fem" (a day other than today is said as a date).</summary>
    public static IReadOnlyList<string> Header(bool heard, string caller, DateTime received, DateOnly today)
    {
        var prompts = new List<string> { heard ? "besked-gemt" : "besked-ny" };
        var digits = caller.Where(char.IsAsciiDigit).ToList();
        if (digits.Count > 0)
        {
            prompts.Add("fra");
            prompts.AddRange(digits.Select(DanishPhrases.DigitName));
        }

        prompts.Add("modtaget");
        var day = DateOnly.FromDateTime(received);
        if (day != today)
        {
            prompts.AddRange(DanishPhrases.Date(day));
        }

        prompts.AddRange(DanishPhrases.Time(received.Hour, received.Minute));
        return prompts;
    }

    private static IReadOnlyList<string> Count(int n, string one, string many) => n switch
    {
        0 => ["ingen", many],
        1 => [DanishPhrases.NumberName(1), one],
        <= 99 => [DanishPhrases.NumberName(n), many],
        _ => ["mange", many],
    };
}
