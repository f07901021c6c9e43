namespace Omstilling.Directory.Searching;

/// <summary>One word of a query, folded, as positions in the parser's buffer.</summary>
/// <param name="LooseLength">0 when the loose fold is the strict one (no æ, ø, å in the word).</param>
/// <param name="IsDigits">Only digits: also looked up among extensions and numbers.</param>
internal readonly record struct QueryToken(int Start, int Length, int LooseStart, int LooseLength, bool IsDigits);
