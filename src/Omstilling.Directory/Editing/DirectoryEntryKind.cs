namespace Omstilling.Directory.Editing;

/// <summary>The kinds of entry a directory holds, each identified by its id.</summary>
public enum DirectoryEntryKind
{
    Area,
    Department,
    Person,
}
