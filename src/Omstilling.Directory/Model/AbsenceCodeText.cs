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
}
