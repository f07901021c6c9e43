using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Omstilling.Policy.Loading;
using Omstilling.Yaml;

namespace Omstilling.Directory.Loading;

/// <summary>
/// The outcome of loading a directory file: the file when it has no errors, and every error and
/// warning in file order as <c>file:line:column: error: ...</c> (the policy's diagnostic type, so
/// <c>omstilling check</c> prints both alike).
/// </summary>
public sealed record DirectoryLoadResult(DirectoryFile? File, ImmutableArray<YamlDiagnostic> Diagnostics)
{
    [MemberNotNullWhen(true, nameof(File))]
    public bool Succeeded => File is not null;

    public IEnumerable<YamlDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    public IEnumerable<YamlDiagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);

    /// <summary>Every diagnostic on its own line.</summary>
    public string Report() => string.Join('\n', Diagnostics);
}
