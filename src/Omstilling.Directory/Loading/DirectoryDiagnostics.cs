using System.Collections.Immutable;
using Omstilling.Policy.Loading;
using Omstilling.Policy.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Omstilling.Directory.Loading;

/// <summary>
/// Collects the findings of one directory load as <see cref="PolicyDiagnostic"/>s, the type
/// <c>omstilling check</c> already prints, so both files report alike. Not thread-safe (one per load).
/// </summary>
internal sealed class DirectoryDiagnostics(string file)
{
    private readonly List<PolicyDiagnostic> _items = [];

    public string File { get; } = file;

    public bool HasErrors { get; private set; }

    public SourceLocation At(Mark mark) => new(File, (int)mark.Line, (int)mark.Column);

    public SourceLocation At(YamlNode node) => At(node.Start);

    public void Error(SourceLocation location, string message)
    {
        HasErrors = true;
        _items.Add(new PolicyDiagnostic(DiagnosticSeverity.Error, location, message));
    }

    public void Error(YamlNode node, string message) => Error(At(node), message);

    public void Warning(SourceLocation location, string message) =>
        _items.Add(new PolicyDiagnostic(DiagnosticSeverity.Warning, location, message));

    /// <summary>In file order, errors before warnings on the same spot, else as found.</summary>
    public ImmutableArray<PolicyDiagnostic> ToImmutable() =>
        [.. _items.Select((d, i) => (d, i))
            .OrderBy(x => x.d.Location.Line)
            .ThenBy(x => x.d.Location.Column)
            .ThenBy(x => x.d.Severity)
            .ThenBy(x => x.i)
            .Select(x => x.d)];
}
