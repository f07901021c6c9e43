using System.Collections.Immutable;
using Omstilling.Policy.Loading;
using Omstilling.Yaml;

namespace Omstilling.Policy;

/// <summary>What a reload did: whether the new policy is in force, and every diagnostic of the file.</summary>
public sealed record PolicyReloadResult(bool Applied, ImmutableArray<YamlDiagnostic> Diagnostics);
