using System.Text;

namespace Omstilling.Web.Reports;

/// <summary>
/// A report's tables as CSV for Danish Excel: UTF-8 with a byte-order mark (without one Excel reads
/// "ø" wrongly), ";" between fields (Danish Excel's list separator, since "," is the decimal
/// comma), CRLF line ends; each table is its title, its header and its rows, then an empty line.
/// The cells are the page's, text for text.
/// </summary>
public static class ReportCsv
{
    public static byte[] Bytes(ReportSheet sheet) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Text(sheet))];

    public static string Text(ReportSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var csv = new StringBuilder();
        foreach (var section in sheet.Sections)
        {
            Line(csv, [section.Title]);
            Line(csv, section.Header);
            foreach (var row in section.Rows)
            {
                Line(csv, [.. row.Select(c => c.Text)]);
            }

            csv.Append("\r\n");
        }

        return csv.ToString();
    }

    private static void Line(StringBuilder csv, IReadOnlyList<string> fields)
    {
        csv.AppendJoin(';', fields.Select(Field));
        csv.Append("\r\n");
    }

    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
