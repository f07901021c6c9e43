namespace Omstilling.Directory.Searching;

/// <summary>What a search hit is.</summary>
public enum SearchHitKind
{
    Person = 0,
    Department = 1,
}
