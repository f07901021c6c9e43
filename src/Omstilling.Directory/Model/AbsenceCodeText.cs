namespace Omstilling.Directory.Model;

/// <summary>The Danish words for absence codes, as the operator and the console say them.</summary>
public static class AbsenceCodeText
{
    /// <summary>"Til møde", "Til frokost", "På ferie", ...; starts with a capital, no full stop.</summary>
    public static string DanishLabel(this AbsenceCode code) => code switch
    {
        AbsenceCode.Meeting => "Til møde",
        AbsenceCode.Lunch => "Til frokost",
        AbsenceCode.Holiday => "På ferie",
        AbsenceCode.Ill => "Syg",
        AbsenceCode.Course => "På kursus",
        AbsenceCode.DayOff => "Fri",
        AbsenceCode.OutOfOffice => "Ude af huset",
        AbsenceCode.WorkingFromHome => "Arbejder hjemme",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not an absence code."),
    };

    /// <summary>
    /// True when the person cannot take a transferred call at all; working from home still answers
    /// a forwarded phone, so the operator may try.
    /// </summary>
    public static bool BlocksCalls(this AbsenceCode code) => code != AbsenceCode.WorkingFromHome;

    /// <summary>
    /// The number staff key in <c>*41*C#</c> for the code (README, "Absence from the phone"):
    /// 1 møde, 2 frokost, 3 ferie, 4 syg, 5 kursus, 6 fri, 7 ude af huset, 8 arbejder hjemme.
    /// </summary>
    public static int PhoneCode(this AbsenceCode code) => code switch
    {
        AbsenceCode.Meeting => 1,
        AbsenceCode.Lunch => 2,
        AbsenceCode.Holiday => 3,
        AbsenceCode.Ill => 4,
        AbsenceCode.Course => 5,
        AbsenceCode.DayOff => 6,
        AbsenceCode.OutOfOffice => 7,
        AbsenceCode.WorkingFromHome => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not an absence code."),
    };

    /// <summary>The code keyed on a phone (<see cref="PhoneCode"/>); false for a number that is none.</summary>
    public static bool TryFromPhoneCode(int number, out AbsenceCode code)
    {
        foreach (var candidate in Enum.GetValues<AbsenceCode>())
        {
            if (candidate.PhoneCode() == number)
            {
                code = candidate;
                return true;
            }
        }

        code = default;
        return false;
    }

    /// <summary>
    /// The standard prompt callers hear after the person's name: "som er til møde". Illness is
    /// health data, so callers hear only "som ikke kan tage telefonen lige nu" (the console still
    /// shows "Syg" to those logged in).
    /// </summary>
    public static string SpokenPrompt(this AbsenceCode code) => code switch
    {
        AbsenceCode.Meeting => "fravaer-moede",
        AbsenceCode.Lunch => "fravaer-frokost",
        AbsenceCode.Holiday => "fravaer-ferie",
        AbsenceCode.Ill => "kan-ikke-tage-telefonen",
        AbsenceCode.Course => "fravaer-kursus",
        AbsenceCode.DayOff => "fravaer-fri",
        AbsenceCode.OutOfOffice => "fravaer-ude",
        AbsenceCode.WorkingFromHome => "fravaer-hjemme",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not an absence code."),
    };
}
