using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Policy.Loading.Drafts;

/// <summary>A directorate area as written.</summary>
internal sealed class AreaDraft(string id, string name, SourceLocation source)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public SourceLocation Source { get; } = source;

    public LevelRules Rules { get; set; } = LevelRules.Empty;

    public List<UnitDraft> Departments { get; } = [];
}
