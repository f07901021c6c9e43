namespace Omstilling.Directory.Searching;

/// <summary>
/// Points for one query token by field and match quality; a hit's score is the sum over tokens.
/// Whole-word and prefix matches rank by field (name, topic, title, department), exact above
/// prefix; inside-word matches form a weaker tier below every whole-word or prefix match, because
/// short infixes ("sen") hit half the staff. Numbers sit beside names: a typed extension means
/// that phone.
/// </summary>
internal static class SearchScores
{
    /// <summary>Tokens shorter than this match only at the start of a word.</summary>
    public const int MinInfixLength = 3;

    // Rows: MatchedField; columns: MatchQuality (exact, prefix, infix). 0 = not a match.
    private static readonly int[] Table =
    [
        100, 90, 30, // Name
        80, 70, 25, // Topic
        60, 50, 20, // Title
        45, 40, 15, // Department
        100, 85, 0, // Extension: "01" is not in extension 2010
        95, 75, 30, // Number: "2010" is in 54 73 20 10
    ];

    public static int Of(MatchedField field, MatchQuality quality) => Table[((int)field * 3) + (int)quality];
}
