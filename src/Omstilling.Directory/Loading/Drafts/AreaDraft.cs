using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Directory.Loading.Drafts;

/// <summary>An area as written under <c>areas:</c>.</summary>
internal sealed record AreaDraft(string Id, string Name, SourceLocation Source);
