using Microsoft.Extensions.Logging;
using Omstilling.History.Reports;
using Omstilling.Web.Auth;

namespace Omstilling.Web.Reports;

/// <summary>
/// Makes the reports page's and the CSV's <see cref="ReportView"/> from a query string and the
/// signed-in user, in one place, so the two cannot show different figures; and a call's timeline
/// for the user who may see it. Thread-safe (holds nothing between calls).
/// </summary>
public sealed partial class ReportPages(WebPlatform platform, ILogger<ReportPages> logger)
{
    public async Task<ReportView> ViewAsync(string? queryString, SignedInUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var request = ReportRequest.Parse(queryString);
        if (platform.Reports is not { } reports || platform.Policy?.Current is not { } policy)
        {
            return new ReportView(request, null, null, null, [], "Serveren har ingen opkaldshistorik at lave rapporter ud fra.");
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(platform.Time.GetUtcNow(), policy.TimeZone).DateTime);
        if (request.Resolve(user, today, out var problem) is not { } query)
        {
            return new ReportView(request, null, null, null, [], problem);
        }

        Report report;
        try
        {
            report = await reports.ReportAsync(query, policy, cancellationToken);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            LogReportFailed(logger, user.UserName, e.Message);
            return new ReportView(request, query, null, null, [], "Opkaldshistorikken kunne ikke læses lige nu. Prøv igen om lidt.");
        }

        var sheet = ReportSheetBuilder.Build(report, request, platform.Directory.Current);
        var calls = request.Drill is { } drill ? report.CallsBehind(drill) : [];
        return new ReportView(request, query, report, sheet, calls, null);
    }

    /// <summary>A call's timeline, if <paramref name="user"/> may see it: an administrator any call, a department head their department's.</summary>
    public async Task<CallTimeline?> TimelineAsync(Guid callId, SignedInUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (platform.Reports is not { } reports)
        {
            return null;
        }

        var timeline = await reports.TimelineAsync(callId, cancellationToken);
        return timeline is not null && MaySee(user, timeline.Record.DepartmentId) ? timeline : null;
    }

    /// <summary>Reports and calls: an administrator all, a department head their own department's.</summary>
    public static bool MaySee(SignedInUser user, string? departmentId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsAdmin || (departmentId is not null && user.MayPostNoticeFor(departmentId));
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Warning, Message = "A report for '{UserName}' could not be read from the call history: {Problem}")]
    private static partial void LogReportFailed(ILogger logger, string userName, string problem);
}
