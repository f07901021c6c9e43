using Omstilling.History.Reports;
using Omstilling.Storage.Entities;

namespace Omstilling.Web.Reports;

/// <summary>
/// What the reports page and its CSV show for one request and one user: the report, its tables,
/// the calls behind the figure drilled into, or why there is nothing. Immutable.
/// </summary>
public sealed record ReportView(ReportRequest Request, ReportQuery? Query, Report? Report, ReportSheet? Sheet, IReadOnlyList<CallRecord> DrillCalls, string? Problem);
