using System.Text;
using Omstilling.Yaml;

namespace Omstilling.Directory.Loading.Csv;

/// <summary>
/// Splits CSV text into rows of cells (RFC 4180: quoted cells may hold the delimiter, doubled
/// quotes and line breaks). The delimiter is the header's: ';' when the first line has a ';' and
/// no ',' (what a Danish spreadsheet saves), else ','. Blank lines are skipped. A quote that is
/// never closed is reported where it opened and ends the table. Not thread-safe (one per read).
/// </summary>
internal sealed class CsvTable
{
    private readonly string _text;
    private readonly DiagnosticBag _diagnostics;
    private int _position;
    private int _line = 1;
    private int _lineStart;

    private CsvTable(string text, DiagnosticBag diagnostics)
    {
        _text = text;
        _diagnostics = diagnostics;
        var firstLine = text.AsSpan(0, text.IndexOfAny(['\r', '\n']) is var end and >= 0 ? end : text.Length);
        Delimiter = firstLine.Contains(';') && !firstLine.Contains(',') ? ';' : ',';
    }

    public char Delimiter { get; }

    public List<List<CsvCell>> Rows { get; } = [];

    /// <summary>Reads every row; problems go to <paramref name="diagnostics"/> at their CSV position.</summary>
    public static CsvTable Read(string text, DiagnosticBag diagnostics)
    {
        var table = new CsvTable(text.StartsWith('\uFEFF') ? text[1..] : text, diagnostics);
        table.ReadRows();
        return table;
    }

    private void ReadRows()
    {
        while (_position < _text.Length)
        {
            var row = new List<CsvCell>();
            var ended = false;
            while (!ended)
            {
                if (ReadCell() is not { } cell)
                {
                    return;
                }

                row.Add(cell);
                ended = _position >= _text.Length || _text[_position] != Delimiter;
                _position++; // past the delimiter or the line break (a \r\n's \r is skipped below)
                if (ended)
                {
                    EndLine();
                }
            }

            if (row.Count > 1 || row[0].Text.Length > 0)
            {
                Rows.Add(row);
            }
        }
    }

    /// <summary>At a line break (or the end): counts the line; a \r\n is one break.</summary>
    private void EndLine()
    {
        if (_position - 1 < _text.Length && _text[_position - 1] == '\r' && _position < _text.Length && _text[_position] == '\n')
        {
            _position++;
        }

        _line++;
        _lineStart = _position;
    }

    private CsvCell? ReadCell()
    {
        var line = _line;
        var column = _position - _lineStart + 1;
        if (_position < _text.Length && _text[_position] == '"')
        {
            return ReadQuoted(line, column);
        }

        var start = _position;
        while (_position < _text.Length && _text[_position] != Delimiter && _text[_position] is not ('\r' or '\n'))
        {
            _position++;
        }

        return new CsvCell(_text[start.._position], line, column);
    }

    private CsvCell? ReadQuoted(int line, int column)
    {
        var text = new StringBuilder();
        _position++;
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c == '"')
            {
                if (_position < _text.Length && _text[_position] == '"')
                {
                    text.Append('"');
                    _position++;
                    continue;
                }

                // After the closing quote only the delimiter or the end of the line may follow.
                if (_position < _text.Length && _text[_position] != Delimiter && _text[_position] is not ('\r' or '\n'))
                {
                    _diagnostics.Error(new SourceLocation(_diagnostics.File, _line, _position - _lineStart + 1), $"a quoted cell ends at column {_position - _lineStart}, but '{_text[_position]}' follows; expected the delimiter '{Delimiter}' or the end of the line after a closing quote");
                    while (_position < _text.Length && _text[_position] != Delimiter && _text[_position] is not ('\r' or '\n'))
                    {
                        _position++;
                    }
                }

                return new CsvCell(text.ToString(), line, column, Quoted: true);
            }

            if (c == '\n' || (c == '\r' && (_position >= _text.Length || _text[_position] != '\n')))
            {
                _line++;
                _lineStart = _position;
            }

            text.Append(c);
        }

        _diagnostics.Error(new SourceLocation(_diagnostics.File, line, column), "this quote is never closed; expected a closing '\"' (a quote inside a cell is written twice: \"\")");
        return null;
    }
}
