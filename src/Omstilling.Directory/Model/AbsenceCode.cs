namespace Omstilling.Directory.Model;

/// <summary>
/// A phone "coding" (the absence status the policy asks staff to set before lunch, meetings and
/// holidays). The Danish words the switchboard says are <see cref="AbsenceCodeText.DanishLabel"/>.
/// Stored by name, so the numbers may change.
/// </summary>
public enum AbsenceCode
{
    /// <summary>Til møde.</summary>
    Meeting = 0,
    /// <summary>Til frokost.</summary>
    Lunch = 1,
    /// <summary>På ferie.</summary>
    Holiday = 2,
    /// <summary>Syg.</summary>
    Ill = 3,
    /// <summary>På kursus.</summary>
    Course = 4,
    /// <summary>Fri (afspadsering, fridag).</summary>
    DayOff = 5,
    /// <summary>Ude af huset (borgerbesøg, tilsyn, møde andetsteds).</summary>
    OutOfOffice = 6,
    /// <summary>Arbejder hjemme: reachable, but perhaps not on the desk phone.</summary>
    WorkingFromHome = 7,
}
