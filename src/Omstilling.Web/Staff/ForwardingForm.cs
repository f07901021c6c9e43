using Omstilling.Calls.Control;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;
using Omstilling.Web.Console;

namespace Omstilling.Web.Staff;

/// <summary>
/// The forwarding part of "Fravær og viderestilling": a number per condition, checked by the
/// engine's rules (the same as the phone codes' *21*, *67*, *61*) and kept in the
/// <see cref="ForwardingBook"/>. Not thread-safe: one per page, used on its circuit.
/// </summary>
public sealed class ForwardingForm(ForwardingBook book, IForwardingRules rules, TimeProvider time, ConsoleFeedback feedback)
{
    /// <summary>What is written in each condition's number field.</summary>
    public Dictionary<ForwardingCondition, string?> Numbers { get; } = Enum.GetValues<ForwardingCondition>().ToDictionary(c => c, _ => (string?)null);

    /// <summary>Forwards the person's calls on the condition to the number written; false (and told why) when it may not.</summary>
    public bool Save(Person person, ForwardingCondition condition, string setBy)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.Extension is not { } extension)
        {
            feedback.Refuse("Du har intet lokalnummer, der kan viderestilles.");
            return false;
        }

        if (Numbers[condition]?.Trim() is not { Length: > 0 } number)
        {
            feedback.Refuse("Skriv det nummer, dine opkald skal viderestilles til.");
            return false;
        }

        var check = rules.Check(extension, number);
        if (check is not { Result: PhoneForwardingResult.Set, Target: { } target })
        {
            feedback.Refuse(check.Refusal ?? Refusal(check.Result));
            return false;
        }

        book.Set(new Forwarding(person.Id, condition, target, time.GetUtcNow(), setBy));
        feedback.Say($"Dine opkald viderestilles {condition.DanishLabel()} til {Omstilling.Policy.Model.DanishNumber.Display(target)}.");
        Numbers[condition] = null;
        return true;
    }

    public void Cancel(Person person, ForwardingCondition condition)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (book.Clear(person.Id, condition))
        {
            feedback.Say($"Viderestillingen ({condition.DanishLabel()}) er slået fra.");
        }
        else
        {
            feedback.Refuse(Refusal(PhoneForwardingResult.NothingToClear));
        }
    }

    /// <summary>Why a forwarding was not set, as the page says it.</summary>
    public static string Refusal(PhoneForwardingResult result) => result switch
    {
        PhoneForwardingResult.NothingToClear => "Der er ingen viderestilling at slå fra.",
        PhoneForwardingResult.UnknownTarget => "Nummeret findes ikke. Skriv et lokalnummer, et direkte nummer, en afdelings nummer eller hovednummeret.",
        PhoneForwardingResult.NotAllowed => "Du må ikke viderestille til det nummer.",
        PhoneForwardingResult.OwnNumber => "Du kan ikke viderestille til dit eget nummer.",
        PhoneForwardingResult.NotAPerson => "Dit lokalnummer hører ikke til en medarbejder i telefonbogen.",
        PhoneForwardingResult.Set or PhoneForwardingResult.Cleared => throw new ArgumentOutOfRangeException(nameof(result), result, "Not a refusal."),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "Not a forwarding result."),
    };
}
