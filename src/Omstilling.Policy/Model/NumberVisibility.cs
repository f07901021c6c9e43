namespace Omstilling.Policy.Model;

/// <summary>Who is told a number.</summary>
public enum NumberVisibility
{
    /// <summary>Published to everyone (the main number, Borgerservice).</summary>
    Public = 0,
    /// <summary>Published only to partners (hospitals, doctors, home-care partners).</summary>
    PartnersOnly = 1,
    /// <summary>An internal extension, dialled inside the organisation.</summary>
    Internal = 2,
}
