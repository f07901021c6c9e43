using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Policy.Loading.Drafts;

/// <summary>A person as written under a department.</summary>
internal sealed record PersonDraft(string Name, ExtensionDraft Extension, string? Title, List<NumberDraft> Numbers, LevelRules Rules, SourceLocation Source);
