using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Omstilling.Yaml;

namespace Omstilling.Policy.Loading;

/// <summary>
/// The outcome of loading a policy: the policy when the file has no errors, and every error and
/// warning in file order.
/// </summary>
public sealed record PolicyLoadResult(TelephonePolicy? Policy, ImmutableArray<YamlDiagnostic> Diagnostics)
{
    [MemberNotNullWhen(true, nameof(Policy))]
    public bool Succeeded => Policy is not null;

    public IEnumerable<YamlDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    public IEnumerable<YamlDiagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);

    /// <summary>Every diagnostic on its own line, as <c>omstilling check</c> prints them.</summary>
    public string Report() => string.Join('\n', Diagnostics);
}
