using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Directory.Loading.Drafts;

/// <summary>A value read from the file and where it was written, for messages about it later.</summary>
internal readonly record struct Located(string Value, SourceLocation Source);
