namespace Omstilling.Directory.Loading.Csv;

/// <summary>A cell of a CSV file, unquoted, and where it starts (1-based line and column).</summary>
/// <param name="Quoted">True when the cell was written in quotes: its text starts a column later.</param>
internal readonly record struct CsvCell(string Text, int Line, int Column, bool Quoted = false)
{
    /// <summary>Where the character at <paramref name="offset"/> of the text was written (on the cell's first line).</summary>
    public (int Line, int Column) At(int offset) => (Line, Column + offset + (Quoted ? 1 : 0));
}
