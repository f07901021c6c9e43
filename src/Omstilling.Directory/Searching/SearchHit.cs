using Omstilling.Directory.Model;

namespace Omstilling.Directory.Searching;

/// <summary>
/// One result of <see cref="StaffDirectory.Search"/>: a person or a department, its score (higher
/// is better; comparable within one search only) and the field that matched best. A value, so a
/// result list is one array.
/// </summary>
public readonly record struct SearchHit(SearchHitKind Kind, Person? Person, Department? Department, int Score, MatchedField MatchedField)
{
    /// <summary>The person's or the department's id.</summary>
    public string Id => Person?.Id ?? Department?.Id ?? string.Empty;

    /// <summary>The person's or the department's name.</summary>
    public string Name => Person?.Name ?? Department?.Name ?? string.Empty;
}
