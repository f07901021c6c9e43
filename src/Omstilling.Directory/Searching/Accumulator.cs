namespace Omstilling.Directory.Searching;

/// <summary>
/// Per-entity running state of one search: how many query tokens it has met so far (AND), its
/// total, and the best token's field. 16 bytes; one array per concurrent search is reused.
/// </summary>
internal struct Accumulator
{
    public int Total;

    /// <summary>Best points for the token being matched; 0 = not met yet.</summary>
    public int TokenBest;

    /// <summary>Best points of any single token so far (decides <see cref="BestField"/>).</summary>
    public int BestToken;

    /// <summary>Tokens met so far; an entity is live for token k only while this is k.</summary>
    public byte Matched;

    public MatchedField TokenField;

    public MatchedField BestField;
}
