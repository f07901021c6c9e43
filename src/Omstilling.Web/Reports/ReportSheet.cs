namespace Omstilling.Web.Reports;

/// <summary>
/// A report as the tables the page shows and the CSV holds, cell for cell: both are written from
/// this, so they cannot differ. Immutable.
/// </summary>
public sealed record ReportSheet(IReadOnlyList<SheetSection> Sections);

/// <summary>One table: an id for the page and tests, a Danish title, the column names and the rows.</summary>
public sealed record SheetSection(string Id, string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<SheetCell>> Rows);

/// <summary>
/// One cell: its text (as the CSV has it), a link (a drill-down or a filter) when it has one, and
/// whether it says a goal is met (the page marks that with a symbol as well as the words).
/// </summary>
public sealed record SheetCell(string Text, string? Link = null, GoalState State = GoalState.NotAGoal);

/// <summary>What a goal's "met" cell says.</summary>
public enum GoalState
{
    NotAGoal,
    Met,
    NotMet,
    NotMeasured,
}
