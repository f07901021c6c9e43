using System.Diagnostics;
using System.Text;

namespace Omstilling.Directory.Loading.Csv;

/// <summary>
/// Writes one CSV row as a person's YAML flow mapping on one line, and remembers where each value
/// came from: the YAML column a value starts at maps to the CSV cell (and the offset in it) it
/// was written from. One per row; not thread-safe.
/// </summary>
internal sealed class CsvPeopleWriter
{
    private readonly StringBuilder _line = new("  - {");
    private readonly List<(int YamlColumn, int Line, int Column)> _spans = [];
    private readonly char _listSeparator;
    private bool _first = true;

    public CsvPeopleWriter(char listSeparator, CsvCell rowStart)
    {
        _listSeparator = listSeparator;
        _spans.Add((1, rowStart.Line, 1));
    }

    /// <summary>Where each YAML column range came from, by the column it starts at (1-based), ascending.</summary>
    public IReadOnlyList<(int YamlColumn, int Line, int Column)> Spans => _spans;

    /// <summary>Writes the row's cells; empty cells are left out, as a key that is not written.</summary>
    public string Write(IReadOnlyList<(CsvColumn Column, CsvCell Cell)> cells)
    {
        var numbers = cells.Where(c => c.Column.Kind is CsvColumnKind.PublicNumbers or CsvColumnKind.PartnerNumbers).ToList();
        var calendar = cells.Where(c => c.Column.Kind is CsvColumnKind.CalendarIcs or CsvColumnKind.CalendarMicrosoft365).ToList();
        foreach (var (column, cell) in cells)
        {
            switch (column.Kind)
            {
                case CsvColumnKind.Text:
                    Key(column.Header, cell);
                    Scalar(cell, 0, cell.Text.Trim());
                    break;
                case CsvColumnKind.List:
                    Key(column.Header, cell);
                    List(cell);
                    break;
                case CsvColumnKind.PublicNumbers or CsvColumnKind.PartnerNumbers or CsvColumnKind.CalendarIcs or CsvColumnKind.CalendarMicrosoft365:
                    break; // each pair is one key, written below
                default:
                    throw new UnreachableException($"Not a CSV column kind: {column.Kind}");
            }
        }

        if (numbers.Count > 0)
        {
            Numbers(numbers);
        }

        if (calendar.Count > 0)
        {
            Calendar(calendar);
        }

        return _line.Append('}').ToString();
    }

    private void Key(string key, CsvCell cell)
    {
        if (!_first)
        {
            _line.Append(", ");
        }

        _first = false;
        Mark(cell, 0);
        _line.Append(key).Append(": ");
    }

    private void Mark(CsvCell cell, int offset)
    {
        var (line, column) = cell.At(offset);
        _spans.Add((_line.Length + 1, line, column));
    }

    private void Scalar(CsvCell cell, int offset, string value)
    {
        Mark(cell, offset);
        _line.Append(DirectoryYaml.Quote(value));
    }

    /// <summary>The cell's items, each at its own offset, so a bad item is reported where it is.</summary>
    private void List(CsvCell cell)
    {
        _line.Append('[');
        var first = true;
        foreach (var (offset, item) in Items(cell))
        {
            _line.Append(first ? "" : ", ");
            first = false;
            Scalar(cell, offset, item);
        }

        _line.Append(']');
    }

    private void Numbers(List<(CsvColumn Column, CsvCell Cell)> columns)
    {
        Key("direct", columns[0].Cell);
        _line.Append('[');
        var first = true;
        foreach (var (column, cell) in columns)
        {
            var visibility = column.Kind == CsvColumnKind.PartnerNumbers ? "partners" : "public";
            foreach (var (offset, item) in Items(cell))
            {
                _line.Append(first ? "{number: " : ", {number: ");
                first = false;
                Scalar(cell, offset, item);
                _line.Append(", visibility: \"").Append(visibility).Append("\"}");
            }
        }

        _line.Append(']');
    }

    private void Calendar(List<(CsvColumn Column, CsvCell Cell)> columns)
    {
        Key("calendar", columns[0].Cell);
        _line.Append('{');
        var first = true;
        foreach (var (column, cell) in columns)
        {
            _line.Append(first ? "" : ", ");
            first = false;
            _line.Append(column.Kind == CsvColumnKind.CalendarIcs ? "ics: " : "microsoft365: ");
            Scalar(cell, 0, cell.Text.Trim());
        }

        _line.Append('}');
    }

    /// <summary>The non-empty items of a list cell, trimmed, with the offset each starts at.</summary>
    private IEnumerable<(int Offset, string Item)> Items(CsvCell cell)
    {
        var start = 0;
        var text = cell.Text;
        while (start <= text.Length)
        {
            var end = text.IndexOf(_listSeparator, start);
            end = end < 0 ? text.Length : end;
            var raw = text[start..end];
            var item = raw.Trim();
            if (item.Length > 0)
            {
                yield return (start + (raw.Length - raw.TrimStart().Length), item);
            }

            start = end + 1;
        }
    }
}
