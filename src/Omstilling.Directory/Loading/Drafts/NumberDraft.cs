using Omstilling.Directory.Model;
using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Directory.Loading.Drafts;

/// <summary>A direct number as written, with where.</summary>
internal sealed record NumberDraft(DirectNumber Number, SourceLocation Source);
