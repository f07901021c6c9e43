using Omstilling.Policy.Model;

namespace Omstilling.Directory.Model;

/// <summary>
/// A direct number (direkte nummer) of a person or department and who may be told it. The number
/// is kept as its 8 national digits; any accepted Danish form ("54 73 20 10", "+45 54732010") is
/// normalised on construction (<see cref="DanishNumber"/> has the rules). Immutable value.
/// <c>default</c> is not a number (empty digits).
/// </summary>
public readonly record struct DirectNumber
{
    /// <param name="number">A Danish number in any form <see cref="DanishNumber"/> accepts.</param>
    /// <param name="visibility">Public or PartnersOnly; an internal extension is not a direct number.</param>
    /// <exception cref="ArgumentException">Not an 8-digit Danish number, or an internal visibility.</exception>
    public DirectNumber(string number, NumberVisibility visibility)
        : this(DanishNumber.TryParse(number, out var parsed)
            ? parsed
            : throw new ArgumentException($"'{number}' is not a Danish phone number (8 digits such as 54 73 20 10).", nameof(number)), visibility)
    {
    }

    /// <param name="number">The number.</param>
    /// <param name="visibility">Public or PartnersOnly; an internal extension is not a direct number.</param>
    /// <exception cref="ArgumentException">The default number, or an internal visibility.</exception>
    public DirectNumber(DanishNumber number, NumberVisibility visibility)
    {
        if (number.National.Length == 0)
        {
            throw new ArgumentException("A direct number needs its digits.", nameof(number));
        }

        Visibility = visibility switch
        {
            NumberVisibility.Public or NumberVisibility.PartnersOnly => visibility,
            NumberVisibility.Internal => throw new ArgumentException($"A direct number is Public or PartnersOnly, not {visibility}.", nameof(visibility)),
            _ => throw new ArgumentOutOfRangeException(nameof(visibility), visibility, "not a number visibility"),
        };
        Parsed = number;
    }

    /// <summary>The 8 national digits, "54732010".</summary>
    public string Number => Parsed.National;

    /// <summary>The number as the platform's number model has it.</summary>
    public DanishNumber Parsed { get; }

    public NumberVisibility Visibility { get; }

    /// <summary>True when only partners (hospitals, doctors, home-care partners) may be told it.</summary>
    public bool IsPartnersOnly => Visibility == NumberVisibility.PartnersOnly;

    /// <summary>Written the Danish way, in pairs: "54 73 20 10".</summary>
    public string Display => Parsed.ToString();

    public override string ToString() => IsPartnersOnly ? Display + " (kun samarbejdspartnere)" : Display;
}
