namespace Omstilling.Directory.Searching;

/// <summary>
/// Working arrays of one search, one slot per entity. Handed back clean: only entries that a
/// search touched are reset, so a search costs what it matched, not the directory's size.
/// </summary>
internal sealed class SearchScratch(int entities)
{
    public Accumulator[] Accumulators { get; } = new Accumulator[entities];

    /// <summary>Entities met by the first token: every entity a search can have touched.</summary>
    public int[] Candidates { get; } = new int[entities];

    /// <summary>Entities met by the current token (after the first).</summary>
    public int[] Touched { get; } = new int[entities];
}
