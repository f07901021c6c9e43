using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Policy.Loading.Drafts;

/// <summary>The switchboard or a department as written, before inheritance and checks.</summary>
internal sealed class UnitDraft(string id, string name, UnitKind kind, SourceLocation source)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public UnitKind Kind { get; } = kind;

    public SourceLocation Source { get; } = source;

    public AreaDraft? Area { get; init; }

    public LevelRules Rules { get; set; } = LevelRules.Empty;

    public List<ExtensionDraft> Extensions { get; } = [];

    public List<ExtensionDraft> Operators { get; } = [];

    public (string Id, SourceLocation Source)? Queue { get; set; }

    public (string Name, SourceLocation Source)? Greeting { get; set; }

    public List<NumberDraft> Numbers { get; } = [];

    public List<PersonDraft> People { get; } = [];
}
