using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Omstilling.Policy.Outbound;

/// <summary>
/// The toll-fraud rule: whether a call may go out through the trunk to a dialled string, for a
/// caller of a given <see cref="ClassOfService"/>. The one place this is decided: a phone dialling
/// out, a forwarding or a call-back being set, an operator's call out, the policy's own external
/// forwards all ask here (docs/security.md, "Toll fraud"). Built from the policy's
/// <c>outbound:</c> section; immutable and thread-safe.
/// <list type="number">
/// <item>The string may hold digits, '+' (first only), '*' and '#', nothing else (<see cref="OutboundOutcome.Malformed"/>).</item>
/// <item>It must be a number outside: 112 or 114; 8 Danish digits (not starting 0 or 1), also as
/// +45/0045 and 8 digits; or a number abroad, 00 or + and 8 to 15 digits not starting with 0
/// (<see cref="OutboundOutcome.NotANumber"/> otherwise).</item>
/// <item>112 and 114 are always allowed.</item>
/// <item>The caller's class must reach the number's: local numbers need <see cref="ClassOfService.Local"/>,
/// other Danish ones <see cref="ClassOfService.National"/>, numbers abroad <see cref="ClassOfService.International"/>.</item>
/// <item>A pattern of <c>outbound: allow</c> (an E.164 prefix such as +45) must match; a premium
/// number only matches a pattern that reaches into its premium prefix (+4590, not +45).</item>
/// </list>
/// </summary>
public sealed class OutboundPermission
{
    /// <summary>The emergency numbers (alarm 112, police 114), allowed from every phone.</summary>
    public static readonly ImmutableArray<string> EmergencyNumbers = ["112", "114"];

    /// <summary>The Danish premium-rate prefix when the policy gives none: 90xx xx xx ("900-numre").</summary>
    public static readonly ImmutableArray<string> DefaultPremiumPrefixes = ["90"];

    /// <summary>What may be called when the policy has no <c>outbound:</c> section: every Danish number but premium-rate ones.</summary>
    public static readonly ImmutableArray<string> DefaultAllow = ["+45"];

    /// <summary>Longest dialled string read: E.164's 15 digits, a 00 prefix and some; longer is never a number (and is not scanned).</summary>
    public const int MaxLength = 20;

    private const string DenmarkE164 = "+45";
    private const int DanishDigits = 8;

    public OutboundPermission(ImmutableArray<string> allow, ImmutableArray<string> localPrefixes, ImmutableArray<string> premiumPrefixes)
    {
        Allow = allow.IsDefault ? [] : allow;
        LocalPrefixes = localPrefixes.IsDefault ? [] : localPrefixes;
        PremiumPrefixes = premiumPrefixes.IsDefault ? [] : premiumPrefixes;
    }

    /// <summary>The rule without an <c>outbound:</c> section: Danish numbers but premium-rate ones, nothing abroad.</summary>
    public static OutboundPermission Default { get; } = new(DefaultAllow, [], DefaultPremiumPrefixes);

    /// <summary>E.164 prefixes a call may go to ("+45" every Danish number, "+46" Sweden, "+4570" Danish 70-numbers).</summary>
    public ImmutableArray<string> Allow { get; }

    /// <summary>Prefixes of Danish national numbers that count as local ("54": Lolland-Falster).</summary>
    public ImmutableArray<string> LocalPrefixes { get; }

    /// <summary>Prefixes of Danish national numbers that are premium-rate ("90").</summary>
    public ImmutableArray<string> PremiumPrefixes { get; }

    /// <summary>The class of service a number's class needs.</summary>
    public static ClassOfService Needs(NumberClass number) => number switch
    {
        NumberClass.Emergency or NumberClass.None => ClassOfService.Internal,
        NumberClass.Local => ClassOfService.Local,
        NumberClass.National or NumberClass.Premium => ClassOfService.National,
        NumberClass.International => ClassOfService.International,
        _ => throw new UnreachableException($"NumberClass {number}"),
    };

    /// <summary>Whether a caller of <paramref name="classOfService"/> may call <paramref name="dialled"/> through the trunk.</summary>
    public OutboundVerdict Check(ClassOfService classOfService, string dialled)
    {
        ArgumentNullException.ThrowIfNull(dialled);
        var classified = Classify(dialled);
        if (classified.Outcome != OutboundOutcome.Allowed || classified.Class == NumberClass.Emergency)
        {
            return classified;
        }

        if (classOfService < Needs(classified.Class))
        {
            return classified with { Outcome = OutboundOutcome.ClassOfService };
        }

        return IsAllowedByPattern(classified) ? classified : classified with { Outcome = OutboundOutcome.NotAllowedByPolicy };
    }

    /// <summary>
    /// What kind of number <paramref name="dialled"/> is, and its form for the trunk; the outcome
    /// is <see cref="OutboundOutcome.Allowed"/> for any number outside (no class or pattern checked yet).
    /// </summary>
    public OutboundVerdict Classify(string dialled)
    {
        ArgumentNullException.ThrowIfNull(dialled);
        if (!IsWellFormed(dialled))
        {
            return new(OutboundOutcome.Malformed, NumberClass.None, null);
        }

        if (EmergencyNumbers.Contains(dialled))
        {
            return new(OutboundOutcome.Allowed, NumberClass.Emergency, dialled);
        }

        if (TryInternational(dialled, out var e164))
        {
            return e164.StartsWith(DenmarkE164, StringComparison.Ordinal)
                ? Danish(e164[DenmarkE164.Length..])
                : new(OutboundOutcome.Allowed, NumberClass.International, e164);
        }

        return Danish(dialled);
    }

    /// <summary>Parses a class of service as the directory writes it: internal, local, national or international.</summary>
    public static bool TryParseClass(string? text, out ClassOfService classOfService)
    {
        switch (text)
        {
            case "internal":
                classOfService = ClassOfService.Internal;
                return true;
            case "local":
                classOfService = ClassOfService.Local;
                return true;
            case "national":
                classOfService = ClassOfService.National;
                return true;
            case "international":
                classOfService = ClassOfService.International;
                return true;
            default:
                classOfService = ClassOfService.National;
                return false;
        }
    }

    /// <summary>The class of service as the directory writes it.</summary>
    public static string Name(ClassOfService classOfService) => classOfService switch
    {
        ClassOfService.Internal => "internal",
        ClassOfService.Local => "local",
        ClassOfService.National => "national",
        ClassOfService.International => "international",
        _ => throw new UnreachableException($"ClassOfService {classOfService}"),
    };

    /// <summary>The accepted names, for messages.</summary>
    public const string ClassNames = "internal, local, national or international";

    /// <summary>Digits, '*' and '#' anywhere, '+' only first; nothing else, and not too long.</summary>
    private static bool IsWellFormed(string dialled)
    {
        if (dialled.Length is 0 or > MaxLength)
        {
            return false;
        }

        for (var i = 0; i < dialled.Length; i++)
        {
            var c = dialled[i];
            if (!(char.IsAsciiDigit(c) || c is '*' or '#' || (c == '+' && i == 0)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>00 or + and 8 to 15 digits with a country code not starting with 0, as E.164.</summary>
    private static bool TryInternational(string dialled, [NotNullWhen(true)] out string? e164)
    {
        var digits = dialled.StartsWith('+') ? dialled.AsSpan(1)
            : dialled.StartsWith("00", StringComparison.Ordinal) ? dialled.AsSpan(2)
            : [];
        if (digits.Length is >= 8 and <= 15 && digits[0] != '0' && !digits.ContainsAnyExceptInRange('0', '9'))
        {
            e164 = "+" + new string(digits);
            return true;
        }

        e164 = null;
        return false;
    }

    /// <summary>8 national digits not starting with 0 or 1 (1xx are short codes): local, premium or national.</summary>
    private OutboundVerdict Danish(string national)
    {
        if (national.Length != DanishDigits || national[0] is '0' or '1' || national.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return new(OutboundOutcome.NotANumber, NumberClass.None, null);
        }

        var kind = PremiumPrefixes.Any(p => national.StartsWith(p, StringComparison.Ordinal)) ? NumberClass.Premium
            : LocalPrefixes.Any(p => national.StartsWith(p, StringComparison.Ordinal)) ? NumberClass.Local
            : NumberClass.National;
        return new(OutboundOutcome.Allowed, kind, national);
    }

    /// <summary>A pattern names the number; for a premium number it reaches into the premium prefix.</summary>
    private bool IsAllowedByPattern(OutboundVerdict classified)
    {
        var number = classified.Number!;
        var e164 = classified.Class == NumberClass.International ? number : DenmarkE164 + number;
        var shortest = classified.Class == NumberClass.Premium
            ? DenmarkE164.Length + PremiumPrefixes.Where(p => number.StartsWith(p, StringComparison.Ordinal)).Max(p => p.Length)
            : 0;
        return Allow.Any(p => p.Length >= shortest && e164.StartsWith(p, StringComparison.Ordinal));
    }
}
