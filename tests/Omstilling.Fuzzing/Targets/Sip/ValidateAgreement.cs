using Omstilling.Fuzzing.Engine;
using Omstilling.Sip.Parsing;

namespace Omstilling.Fuzzing.Targets.Sip;

/// <summary>
/// The parser validates a header without allocating and the typed view builds it later with the
/// same grammar code: both must refuse the same inputs at the same place, or a message that parsed
/// could throw when the stack reads it.
/// </summary>
internal static class ValidateAgreement
{
    public static SipParseException? Run(Action build, Action validate)
    {
        var built = Catch(build);
        var validated = Catch(validate);
        OracleViolationException.Check(
            (built is null) == (validated is null),
            $"validation {(validated is null ? "accepts" : $"refuses ({validated.Detail})")} what building {(built is null ? "accepts" : $"refuses ({built.Detail})")}");
        if (built is not null && validated is not null)
        {
            OracleViolationException.Check(
                built.Offset == validated.Offset && built.Detail == validated.Detail,
                $"building refuses at {built.Offset} ({built.Detail}), validation at {validated.Offset} ({validated.Detail})");
        }

        return built;
    }

    private static SipParseException? Catch(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (SipParseException e)
        {
            return e;
        }
    }
}
