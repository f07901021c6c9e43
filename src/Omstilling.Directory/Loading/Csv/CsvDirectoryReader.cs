using System.Text;
using Omstilling.Policy;
using Omstilling.Yaml;
using YamlDotNet.Core;

namespace Omstilling.Directory.Loading.Csv;

/// <summary>
/// Reads a CSV file of people (one per row, a header naming the columns; docs/directory.md) as a
/// directory: the areas and departments are those of a basis (the directory in use), the people
/// are the file's. Each row is transcribed to the YAML mapping the directory file would have for
/// the person, and the YAML is loaded by <see cref="DirectoryLoader"/>: one set of rules checks
/// both formats, and every problem is reported at the CSV line and column it was written at.
/// Pure and thread-safe.
/// </summary>
public static class CsvDirectoryReader
{
    /// <summary>Where a problem in the basis (not in the CSV) is said to be.</summary>
    public const string BasisName = "(the directory in use)";

    /// <summary>Reads a CSV file; the path is printed in diagnostics as given.</summary>
    public static DirectoryLoadResult LoadFile(string path, DirectoryFile? basis, TelephonePolicy? policy)
    {
        return DirectoryFileText.TryRead(path, out var failed) is { } text ? Load(text, path, basis, policy) : failed;
    }

    /// <summary>Reads CSV text; <paramref name="sourceName"/> is what diagnostics name.</summary>
    public static DirectoryLoadResult Load(string csv, string sourceName, DirectoryFile? basis, TelephonePolicy? policy)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(sourceName);
        var yaml = new StringBuilder();
        DirectoryYaml.WriteSections(yaml, basis?.Areas ?? [], basis?.Departments ?? []);
        var peopleLine = yaml.ToString().Count(c => c == '\n') + 1;
        var rowSpans = new List<IReadOnlyList<(int YamlColumn, int Line, int Column)>>();
        var diagnostics = new DiagnosticBag(sourceName, mark => Locate(sourceName, mark, peopleLine, rowSpans));
        var table = CsvTable.Read(csv, diagnostics);
        if (Header(table, diagnostics) is not { } header || diagnostics.HasErrors)
        {
            return new DirectoryLoadResult(null, diagnostics.ToImmutable());
        }

        var listSeparator = table.Delimiter == ';' ? ',' : ';';
        yaml.Append(table.Rows.Count > 1 ? "people:\n" : "people: []\n");
        foreach (var row in table.Rows.Skip(1))
        {
            if (row.Count > header.Count)
            {
                var extra = row[header.Count];
                diagnostics.Error(new SourceLocation(sourceName, extra.Line, extra.Column), $"the row has {row.Count} cells but the header names {header.Count} columns; expected at most {header.Count} (a cell holding '{table.Delimiter}' must be in quotes)");
            }

            var cells = row.Take(header.Count).Select((cell, i) => (header[i], cell)).Where(c => c.cell.Text.Trim().Length > 0).ToList();
            var writer = new CsvPeopleWriter(listSeparator, row[0]);
            yaml.Append(writer.Write(cells)).Append('\n');
            rowSpans.Add(writer.Spans);
        }

        if (diagnostics.HasErrors)
        {
            return new DirectoryLoadResult(null, diagnostics.ToImmutable());
        }

        return DirectoryLoader.Load(yaml.ToString(), diagnostics, policy);
    }

    private static List<CsvColumn>? Header(CsvTable table, DiagnosticBag diagnostics)
    {
        if (table.Rows.Count == 0)
        {
            diagnostics.Error(new SourceLocation(diagnostics.File, 1, 1), $"the file is empty; expected a header row such as {string.Join(table.Delimiter, CsvColumn.Required)}");
            return null;
        }

        var header = new List<CsvColumn>();
        foreach (var cell in table.Rows[0])
        {
            var name = cell.Text.Trim().ToLowerInvariant();
            var at = new SourceLocation(diagnostics.File, cell.Line, cell.Column);
            if (CsvColumn.All.FirstOrDefault(c => c.Header == name) is not { } column)
            {
                diagnostics.Error(at, $"unknown column '{cell.Text.Trim()}'; expected one of {string.Join(", ", CsvColumn.All.Select(c => c.Header))}");
            }
            else if (header.Contains(column))
            {
                diagnostics.Error(at, $"column '{name}' is named twice; expected each column once");
            }
            else
            {
                header.Add(column);
                continue;
            }

            header.Add(new CsvColumn(name, CsvColumnKind.Text)); // keeps the cells in their columns
        }

        foreach (var required in CsvColumn.Required.Where(r => !header.Exists(c => c.Header == r)))
        {
            diagnostics.Error(new SourceLocation(diagnostics.File, table.Rows[0][0].Line, 1), $"the header has no '{required}' column; expected at least {string.Join(", ", CsvColumn.Required)}");
        }

        return header;
    }

    /// <summary>A position in the transcribed YAML as the CSV position it was written from.</summary>
    private static SourceLocation Locate(string file, Mark mark, int peopleLine, List<IReadOnlyList<(int YamlColumn, int Line, int Column)>> rows)
    {
        var row = (int)mark.Line - peopleLine - 1;
        if (row < 0 || row >= rows.Count)
        {
            return new SourceLocation(row < 0 ? BasisName : file, (int)mark.Line, (int)mark.Column);
        }

        var spans = rows[row];
        var span = spans[0];
        foreach (var candidate in spans)
        {
            if (candidate.YamlColumn > mark.Column)
            {
                break;
            }

            span = candidate;
        }

        return new SourceLocation(file, span.Line, span.Column);
    }
}
