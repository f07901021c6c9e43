using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Omstilling.Web.Auth;

namespace Omstilling.Web.Reports;

/// <summary><c>GET /rapporter/csv?…</c>: the reports page's tables for the same query string, as CSV (<see cref="ReportCsv"/>).</summary>
internal static class ReportEndpoints
{
    public const string CsvPath = "/rapporter/csv";

    public static void Map(WebApplication app)
    {
        app.MapGet(CsvPath, async (HttpContext http, CancellationToken cancellationToken) =>
        {
            if (SignedInUser.From(http.User) is not { } user)
            {
                return Results.Unauthorized();
            }

            var view = await http.RequestServices.GetRequiredService<ReportPages>().ViewAsync(http.Request.QueryString.Value, user, cancellationToken);
            if (view.Sheet is not { } sheet || view.Query is not { } query)
            {
                return Results.Problem(view.Problem, statusCode: StatusCodes.Status400BadRequest);
            }

            return Results.File(ReportCsv.Bytes(sheet), "text/csv; charset=utf-8", $"rapport-{query.From:yyyy-MM-dd}-{query.To:yyyy-MM-dd}.csv");
        }).RequireAuthorization(AccessPolicies.Reports);
    }
}
