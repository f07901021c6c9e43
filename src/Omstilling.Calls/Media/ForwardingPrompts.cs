using Omstilling.Calls.Control;
using Omstilling.Calls.Routing;
using Omstilling.Media.Prompts;

namespace Omstilling.Calls.Media;

/// <summary>What staff hear after keying a forwarding code, as standard prompt names.</summary>
internal static class ForwardingPrompts
{
    /// <summary>"Dine opkald viderestilles nu til to nul nul to", or why nothing changed.</summary>
    public static IReadOnlyList<string> Confirmation(PhoneForwardingResult result, ForwardKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return result switch
        {
            PhoneForwardingResult.Set => [Intro(keys.Condition), .. Digits(keys.Target ?? "")],
            PhoneForwardingResult.Cleared => ["viderestilling-slaaet-fra"],
            PhoneForwardingResult.NothingToClear => ["ingen-viderestilling"],
            PhoneForwardingResult.UnknownTarget => ["nummeret-findes-ikke"],
            PhoneForwardingResult.NotAllowed => ["viderestilling-ikke-tilladt"],
            PhoneForwardingResult.OwnNumber => ["viderestilling-til-dig-selv"],
            PhoneForwardingResult.NotAPerson => ["ikke-i-telefonbogen"],
            _ => throw new System.Diagnostics.UnreachableException($"PhoneForwardingResult {result}"),
        };
    }

    private static string Intro(ForwardCondition condition) => condition switch
    {
        ForwardCondition.Always => "viderestilling-altid",
        ForwardCondition.Busy => "viderestilling-optaget",
        ForwardCondition.NoAnswer => "viderestilling-intet-svar",
        _ => throw new System.Diagnostics.UnreachableException($"ForwardCondition {condition}"),
    };

    /// <summary>The number digit by digit, as it was keyed ("+" is not said).</summary>
    private static IEnumerable<string> Digits(string number) => number.Where(char.IsAsciiDigit).Select(DanishPhrases.DigitName);
}
