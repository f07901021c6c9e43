namespace Omstilling.Directory.Loading.Csv;

/// <summary>What a column of a people CSV holds, and so how its cells are written as YAML.</summary>
internal enum CsvColumnKind
{
    /// <summary>One value: the key of the same name.</summary>
    Text,

    /// <summary>Several values separated by the list separator: a YAML list.</summary>
    List,

    /// <summary>Direct numbers anyone may be told.</summary>
    PublicNumbers,

    /// <summary>Direct numbers for partners only.</summary>
    PartnerNumbers,

    /// <summary>The calendar's iCalendar source.</summary>
    CalendarIcs,

    /// <summary>The calendar's Microsoft 365 mailbox.</summary>
    CalendarMicrosoft365,
}

/// <summary>A column a people CSV may have: its header and what it holds (docs/directory.md).</summary>
internal sealed record CsvColumn(string Header, CsvColumnKind Kind)
{
    /// <summary>Every column, in the order the documentation lists them.</summary>
    public static readonly IReadOnlyList<CsvColumn> All =
    [
        new("id", CsvColumnKind.Text),
        new("name", CsvColumnKind.Text),
        new("title", CsvColumnKind.Text),
        new("department", CsvColumnKind.Text),
        new("extension", CsvColumnKind.Text),
        new("email", CsvColumnKind.Text),
        new("mobile", CsvColumnKind.Text),
        new("direct", CsvColumnKind.PublicNumbers),
        new("direct-partners", CsvColumnKind.PartnerNumbers),
        new("topics", CsvColumnKind.List),
        new("covered-by", CsvColumnKind.List),
        new("calendar-ics", CsvColumnKind.CalendarIcs),
        new("calendar-microsoft365", CsvColumnKind.CalendarMicrosoft365),
        new("class-of-service", CsvColumnKind.Text),
    ];

    /// <summary>Columns a file must have.</summary>
    public static readonly IReadOnlyList<string> Required = ["name", "department"];
}
