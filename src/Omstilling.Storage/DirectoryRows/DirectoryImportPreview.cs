using System.Collections.Immutable;
using Omstilling.Directory.Editing;
using Omstilling.Directory.Loading;
using Omstilling.Yaml;

namespace Omstilling.Storage.DirectoryRows;

/// <summary>
/// What an import would change, before it is applied: the file's problems (errors mean nothing can
/// be applied), the directory it would become and the changes from the revision it was read
/// against. Immutable.
/// </summary>
public sealed record DirectoryImportPreview(string Source, ImmutableArray<YamlDiagnostic> Diagnostics, DirectoryFile? Incoming, DirectoryDiff? Diff, long Revision)
{
    public bool CanApply => Incoming is not null && Diff is not null;

    public IEnumerable<YamlDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
}
