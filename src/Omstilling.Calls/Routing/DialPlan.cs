using System.Collections.Frozen;
using Omstilling.Policy.Model;

namespace Omstilling.Calls.Routing;

/// <summary>
/// Which numbers exist and where they lead, until the policy engine takes over routing: internal
/// extensions (any account), and public numbers (the main number and published direct numbers)
/// that anyone may call without authenticating, as citizens do through a trunk. Immutable and
/// thread-safe.
/// </summary>
public sealed class DialPlan
{
    private readonly FrozenDictionary<string, string> _publicNumbers;
    private readonly Func<string, bool> _isExtension;

    /// <param name="publicNumbers">Eight-digit national number → extension that answers it.</param>
    /// <param name="isExtension">Whether a dialled string is an internal extension.</param>
    public DialPlan(IReadOnlyDictionary<string, string> publicNumbers, Func<string, bool> isExtension)
    {
        ArgumentNullException.ThrowIfNull(publicNumbers);
        ArgumentNullException.ThrowIfNull(isExtension);
        _publicNumbers = publicNumbers.ToFrozenDictionary();
        _isExtension = isExtension;
    }

    /// <summary>The installers' test numbers.</summary>
    public const string EchoNumber = "8000";

    public const string GreetingNumber = "8001";

    /// <summary>The voicemail number when the policy names none.</summary>
    public const string DefaultVoicemailNumber = Omstilling.Policy.TelephonePolicy.DefaultVoicemailNumber;

    /// <summary>The feature code with which a person marks the call just put through to them as "fejlstillet".</summary>
    public const string MisroutedCode = "*88";

    /// <summary>Whether the number is one of our extensions (an account).</summary>
    public bool IsExtension(string number) => _isExtension(number);

    /// <summary>Where a dialled number leads, or null when it leads nowhere.</summary>
    public DialTarget? Resolve(string dialled)
    {
        ArgumentNullException.ThrowIfNull(dialled);
        if (AbsenceKeys.TryParse(dialled, out var absence))
        {
            return new DialTarget(dialled, IsPublic: false, dialled)
            {
                Service = absence.Code is null ? ServiceNumber.ClearAbsence : ServiceNumber.SetAbsence,
                Absence = absence,
            };
        }

        if (ForwardKeys.TryParse(dialled, out var forward))
        {
            return new DialTarget(dialled, IsPublic: false, dialled) { Service = ServiceNumber.Forwarding, Forward = forward };
        }

        if (dialled is EchoNumber or GreetingNumber or MisroutedCode)
        {
            var service = dialled switch
            {
                EchoNumber => ServiceNumber.Echo,
                GreetingNumber => ServiceNumber.Greeting,
                MisroutedCode => ServiceNumber.MarkMisrouted,
                _ => throw new System.Diagnostics.UnreachableException($"{dialled} is no service number"),
            };
            return new DialTarget(dialled, IsPublic: false, dialled) { Service = service };
        }

        var national = NormalizeDanish(dialled);
        if (national is not null && _publicNumbers.TryGetValue(national, out var answeredBy))
        {
            return new DialTarget(answeredBy, IsPublic: true, national);
        }

        return _isExtension(dialled) ? new DialTarget(dialled, IsPublic: false, dialled) : null;
    }

    /// <summary>
    /// The eight-digit national form of a Danish number written as 54731000, 54 73 10 00,
    /// +4554731000 or 004554731000; null when it is not one. The rules are
    /// <see cref="DanishNumber"/>'s, the same as the policy's and the directory's.
    /// </summary>
    public static string? NormalizeDanish(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return DanishNumber.TryParse(number, out var danish) ? danish.National : null;
    }
}

/// <summary>Where a dialled number leads: the extension to ring (or the service that answers) and whether callers need no account.</summary>
public sealed record DialTarget(string Extension, bool IsPublic, string Number)
{
    public ServiceNumber Service { get; init; }

    /// <summary>For <see cref="ServiceNumber.SetAbsence"/> and <see cref="ServiceNumber.ClearAbsence"/>: what was keyed.</summary>
    public AbsenceKeys? Absence { get; init; }

    /// <summary>For <see cref="ServiceNumber.Forwarding"/>: what was keyed.</summary>
    public ForwardKeys? Forward { get; init; }
}
