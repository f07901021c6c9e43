using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Omstilling.Yaml;

/// <summary>Collects diagnostics while one file is loaded. Not thread-safe (one per load).</summary>
public sealed class DiagnosticBag
{
    private readonly List<YamlDiagnostic> _items = [];
    private readonly Func<Mark, SourceLocation>? _locate;

    public DiagnosticBag(string file)
    {
        File = file;
    }

    /// <summary>
    /// For YAML written from another format (a CSV file is read as YAML it is transcribed to):
    /// <paramref name="locate"/> maps a position in the YAML back to the original's, so that
    /// diagnostics name the line and column the user wrote.
    /// </summary>
    public DiagnosticBag(string file, Func<Mark, SourceLocation> locate)
    {
        File = file;
        _locate = locate ?? throw new ArgumentNullException(nameof(locate));
    }

    public string File { get; }

    public bool HasErrors { get; private set; }

    public SourceLocation At(Mark mark) => _locate is null ? new(File, (int)mark.Line, (int)mark.Column) : _locate(mark);

    public SourceLocation At(YamlNode node) => At(node.Start);

    public void Error(SourceLocation location, string message)
    {
        HasErrors = true;
        _items.Add(new YamlDiagnostic(DiagnosticSeverity.Error, location, message));
    }

    public void Error(YamlNode node, string message) => Error(At(node), message);

    /// <summary>An error with its Danish wording for staff pages (<see cref="YamlDiagnostic.Danish"/>).</summary>
    public void Error(SourceLocation location, string message, string danish)
    {
        HasErrors = true;
        _items.Add(new YamlDiagnostic(DiagnosticSeverity.Error, location, message) { Danish = danish });
    }

    /// <summary>An error with its Danish wording for staff pages (<see cref="YamlDiagnostic.Danish"/>).</summary>
    public void Error(YamlNode node, string message, string danish) => Error(At(node), message, danish);

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
