using Omstilling.Policy.Model;

namespace Omstilling.Directory.Model;

/// <summary>
/// A direct number (direkte nummer) of a person or department and who may be told it. The number
/// is kept as its 8 national digits; any accepted Danish form ("54 73 20 10", "+45 54732010") is
/// normalised on construction. Immutable value. <c>default</c> is not a number (empty digits).
/// </summary>
public readonly record struct DirectNumber
{
    /// <param name="number">A Danish number in any form <see cref="PhoneNumbers.TryNormalizeDanish"/> accepts.</param>
    /// <param name="visibility">Public or PartnersOnly; an internal extension is not a direct number.</param>
    /// <exception cref="ArgumentException">Not an 8-digit Danish number, or an internal visibility.</exception>
    public DirectNumber(string number, NumberVisibility visibility)
    {
        ArgumentNullException.ThrowIfNull(number);
        if (!PhoneNumbers.TryNormalizeDanish(number, out var national))
        {
            throw new ArgumentException($"'{number}' is not a Danish phone number (8 digits such as 54 73 20 10).", nameof(number));
        }

        if (visibility is not (NumberVisibility.Public or NumberVisibility.PartnersOnly))
        {
            throw new ArgumentException($"A direct number is Public or PartnersOnly, not {visibility}.", nameof(visibility));
        }

        Number = national;
        Visibility = visibility;
    }

    /// <summary>The 8 national digits, "54732010".</summary>
    public string Number { get; }

    public NumberVisibility Visibility { get; }

    /// <summary>True when only partners (hospitals, doctors, home-care partners) may be told it.</summary>
    public bool IsPartnersOnly => Visibility == NumberVisibility.PartnersOnly;

    /// <summary>Written the Danish way, in pairs: "54 73 20 10".</summary>
    public string Display => Number is null ? string.Empty : PhoneNumbers.Format(Number);

    public override string ToString() => IsPartnersOnly ? Display + " (kun samarbejdspartnere)" : Display;
}
