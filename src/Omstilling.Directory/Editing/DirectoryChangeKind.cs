namespace Omstilling.Directory.Editing;

/// <summary>What happened to an entry of the directory between two versions.</summary>
public enum DirectoryChangeKind
{
    /// <summary>New: only the later version has it.</summary>
    Added,

    /// <summary>Left: only the earlier version has it.</summary>
    Removed,

    /// <summary>Both have it, with different values.</summary>
    Changed,
}
