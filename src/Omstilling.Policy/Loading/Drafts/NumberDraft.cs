using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Policy.Loading.Drafts;

/// <summary>A direct number as written, already normalised.</summary>
internal sealed record NumberDraft(string Number, NumberVisibility Visibility, bool IsExample, SourceLocation Source);
