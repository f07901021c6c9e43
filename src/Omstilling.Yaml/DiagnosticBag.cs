using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Omstilling.Yaml;

/// <summary>Collects diagnostics while one file is loaded. Not thread-safe (one per load).</summary>
public sealed class DiagnosticBag(string file)
{
    private readonly List<YamlDiagnostic> _items = [];

    public string File { get; } = file;

    public bool HasErrors { get; private set; }

    public SourceLocation At(Mark mark) => new(File, (int)mark.Line, (int)mark.Column);

    public SourceLocation At(YamlNode node) => At(node.Start);

    public void Error(SourceLocation location, string message)
    {
        HasErrors = true;
        _items.Add(new YamlDiagnostic(DiagnosticSeverity.Error, location, message));
    }

    public void Error(YamlNode node, string message) => Error(At(node), message);

    public void Warning(SourceLocation location, string message) =>
        _items.Add(new YamlDiagnostic(DiagnosticSeverity.Warning, location, message));

    /// <summary>In file order, errors before warnings on the same spot.</summary>
    public ImmutableArray<YamlDiagnostic> ToImmutable() =>
        [.. _items.Select((d, i) => (d, i))
            .OrderBy(x => x.d.Location.Line)
            .ThenBy(x => x.d.Location.Column)
            .ThenBy(x => x.d.Severity)
            .ThenBy(x => x.i)
            .Select(x => x.d)];
}
