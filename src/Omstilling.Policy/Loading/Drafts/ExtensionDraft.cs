using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Policy.Loading.Drafts;

/// <summary>An extension as written, with where.</summary>
internal sealed record ExtensionDraft(string Extension, SourceLocation Source);
