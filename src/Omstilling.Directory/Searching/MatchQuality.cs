namespace Omstilling.Directory.Searching;

/// <summary>How a query token met a word of the directory.</summary>
internal enum MatchQuality
{
    /// <summary>The whole word ("jens" = "jens").</summary>
    Exact = 0,
    /// <summary>The start of the word ("sør" in "sørensen").</summary>
    Prefix = 1,
    /// <summary>Inside the word, for Danish compounds ("kort" in "kørekort"); tokens of 3+ characters only.</summary>
    Infix = 2,
}
