using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Directory.Loading.Drafts;

/// <summary>A department as written under <c>departments:</c>: new, or enriching one of the policy.</summary>
internal sealed record DepartmentDraft(string Id, SourceLocation Source)
{
    public string? Name { get; init; }

    public Located? Area { get; init; }

    public List<string> Topics { get; init; } = [];

    public string? Email { get; init; }

    public List<NumberDraft> Numbers { get; init; } = [];
}
