using System.Diagnostics;
using Omstilling.Policy.Explaining;

namespace Omstilling.Policy.Outbound;

/// <summary>
/// An <see cref="OutboundVerdict"/> in words: English for the policy's diagnostics and the log,
/// Danish for staff on the web and for <c>omstilling explain --outbound</c>. Stateless.
/// </summary>
public static class OutboundWords
{
    /// <summary>Why a call out was refused, in English ("allowed" when it was not).</summary>
    public static string Why(OutboundVerdict verdict) => verdict.Outcome switch
    {
        OutboundOutcome.Allowed => "allowed",
        OutboundOutcome.Malformed => "only digits, '+', '*' and '#' may be dialled",
        OutboundOutcome.NotANumber => "it is no number outside: 112, 114, 8 Danish digits, or 00 or + and a number abroad",
        OutboundOutcome.ClassOfService => $"{Class(verdict.Class, english: true)} needs class of service {OutboundPermission.Name(OutboundPermission.Needs(verdict.Class))}",
        OutboundOutcome.NotAllowedByPolicy when verdict.Class == NumberClass.Premium => "a premium-rate number needs a pattern of outbound: allow that names its premium prefix",
        OutboundOutcome.NotAllowedByPolicy => "no pattern of outbound: allow names it",
        _ => throw new UnreachableException($"OutboundOutcome {verdict.Outcome}"),
    };

    /// <summary>Why a number may not be called, as staff read it (a sentence).</summary>
    public static string Danish(OutboundVerdict verdict) => verdict.Outcome switch
    {
        OutboundOutcome.Allowed => "Nummeret må gerne ringes op.",
        OutboundOutcome.Malformed => "Et nummer må kun indeholde cifre, +, * og #.",
        OutboundOutcome.NotANumber => "Det er ikke et gyldigt telefonnummer uden for kommunen.",
        OutboundOutcome.ClassOfService => $"Din telefon må ikke ringe til {Class(verdict.Class, english: false)}.",
        OutboundOutcome.NotAllowedByPolicy when verdict.Class == NumberClass.Premium => "Telefonpolitikken tillader ikke opkald til overtakserede numre (90-numre).",
        OutboundOutcome.NotAllowedByPolicy => "Telefonpolitikken tillader ikke opkald til dette nummer.",
        _ => throw new UnreachableException($"OutboundOutcome {verdict.Outcome}"),
    };

    /// <summary>What <c>omstilling explain NUMBER --outbound CLASS</c> prints: the number's class and the verdict, in the language asked.</summary>
    public static string Explain(OutboundPermission permission, ClassOfService classOfService, string dialled, ExplainLanguage language)
    {
        ArgumentNullException.ThrowIfNull(permission);
        ArgumentNullException.ThrowIfNull(dialled);
        var verdict = permission.Check(classOfService, dialled);
        var english = language == ExplainLanguage.English;
        var name = OutboundPermission.Name(classOfService);
        var what = verdict.Class == NumberClass.None ? dialled : $"{dialled} ({Class(verdict.Class, english)})";
        var patterns = permission.Allow.IsEmpty ? (english ? "none" : "ingen") : string.Join(", ", permission.Allow);
        if (verdict.IsAllowed)
        {
            return english
                ? $"A phone with class of service {name} may call {what} through the trunk; the trunk is sent {verdict.Number}. Allowed patterns: {patterns}."
                : $"En telefon med rettigheden {name} må ringe til {what} ud gennem trunken; trunken får {verdict.Number}. Tilladte mønstre: {patterns}.";
        }

        return english
            ? $"A phone with class of service {name} may not call {what}: {Why(verdict)}. Allowed patterns: {patterns}."
            : $"En telefon med rettigheden {name} må ikke ringe til {what}: {Danish(verdict)} Tilladte mønstre: {patterns}.";
    }

    private static string Class(NumberClass number, bool english) => number switch
    {
        NumberClass.None => english ? "no number outside" : "intet nummer uden for kommunen",
        NumberClass.Emergency => english ? "an emergency number" : "et alarmnummer",
        NumberClass.Local => english ? "a local number" : "lokale numre",
        NumberClass.National => english ? "a Danish number" : "numre i Danmark",
        NumberClass.Premium => english ? "a premium-rate number" : "overtakserede numre",
        NumberClass.International => english ? "a number abroad" : "numre i udlandet",
        _ => throw new UnreachableException($"NumberClass {number}"),
    };
}
