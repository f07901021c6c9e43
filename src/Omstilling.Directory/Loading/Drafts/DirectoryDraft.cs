namespace Omstilling.Directory.Loading.Drafts;

/// <summary>Everything read from one directory file, before references are checked.</summary>
internal sealed class DirectoryDraft
{
    public List<AreaDraft> Areas { get; } = [];

    public List<DepartmentDraft> Departments { get; } = [];

    public List<PersonDraft> People { get; } = [];
}
