using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Policy.Loading.Drafts;

/// <summary>A menu as written.</summary>
internal sealed class MenuDraft(string id, string name, SourceLocation source)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public SourceLocation Source { get; } = source;

    public (string Name, SourceLocation Source)? Intro { get; set; }

    public (string Name, SourceLocation Source)? Invalid { get; set; }

    public int? TimeoutSeconds { get; set; }

    public int? Retries { get; set; }

    public PolicyAction? OnNoInput { get; set; }

    public List<OptionDraft> Options { get; } = [];
}
