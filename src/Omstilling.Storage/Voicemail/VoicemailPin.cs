namespace Omstilling.Storage.Voicemail;

/// <summary>The rule for a voicemail PIN: 4 to 8 digits, keyed on any phone.</summary>
public static class VoicemailPin
{
    public const int MinLength = 4;
    public const int MaxLength = 8;

    /// <summary>What is wrong with the PIN, in Danish for the staff page, or null when it is good.</summary>
    public static string? Problem(string? pin) =>
        string.IsNullOrEmpty(pin) ? "Skriv en pinkode."
        : pin.Length is < MinLength or > MaxLength || !pin.All(char.IsAsciiDigit) ? $"Pinkoden skal være {MinLength} til {MaxLength} cifre."
        : null;
}
