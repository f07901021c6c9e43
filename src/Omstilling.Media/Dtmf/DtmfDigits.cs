namespace Omstilling.Media.Dtmf;

/// <summary>The sixteen DTMF events of RFC 4733 §3.2 (0-9, *, #, A-D) and their characters.</summary>
public static class DtmfDigits
{
    private const string Characters = "0123456789*#ABCD";

    /// <summary>The character of an event code 0-15, or null for other events (flash, tones).</summary>
    public static char? FromEvent(int code) => code is >= 0 and < 16 ? Characters[code] : null;

    /// <summary>The event code of a digit character; -1 when it is not a DTMF digit.</summary>
    public static int ToEvent(char digit) => Characters.IndexOf(char.ToUpperInvariant(digit), StringComparison.Ordinal);
}
