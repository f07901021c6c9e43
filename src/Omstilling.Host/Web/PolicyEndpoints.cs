using Omstilling.Host.Cli;
using Omstilling.Policy;
using Omstilling.Policy.Explaining;
using Omstilling.Policy.Routing;
using Omstilling.Web.Auth;

namespace Omstilling.Host.Web;

/// <summary>
/// <c>GET /api/explain?number=54731000&amp;at=2026-12-24T19:00&amp;lang=da</c>: the same explanation as
/// <c>omstilling explain</c>, as JSON (steps and the deciding rule), for operators and
/// administrators. Without <c>at</c>, the server's clock decides (which <c>run --at</c> may have
/// moved). The rule is given by its name: where it is written (file:line:column on the server)
/// is for <c>omstilling check</c> and <c>explain</c> on the command line, not for the web.
/// </summary>
internal static class PolicyEndpoints
{
    public static void Map(WebApplication app, PolicyProvider provider, TimeProvider time)
    {
        app.MapGet("/api/explain", (string number, string? at, string? lang) =>
        {
            var policy = provider.Current;
            var language = lang switch
            {
                null or "da" => ExplainLanguage.Danish,
                "en" => ExplainLanguage.English,
                _ => (ExplainLanguage?)null,
            };
            if (language is null)
            {
                return Results.Problem("lang skal være da eller en", statusCode: 400);
            }

            Explanation explanation;
            if (at is null)
            {
                explanation = policy.Explain(number, time.GetUtcNow(), language.Value, PolicyState.Staffed);
            }
            else if (ExplainCommand.TryParseLocal(at, out var local))
            {
                explanation = policy.Explain(number, local, language.Value, PolicyState.Staffed);
            }
            else
            {
                return Results.Problem("at skal være en lokal tid som 2026-12-24T19:00", statusCode: 400);
            }

            return Results.Ok(new
            {
                explanation.Number,
                explanation.LocalTime,
                explanation.Instant,
                timeKind = explanation.TimeKind.ToString(),
                decision = explanation.Decision.ToString(),
                rule = explanation.Rule.ToString(),
                summary = WithoutSource(explanation.Summary, explanation.RuleSource),
                steps = explanation.Steps.Select(s => new { s.Depth, Text = WithoutSource(s.Text, explanation.RuleSource) }),
                text = WithoutSource(explanation.Text, explanation.RuleSource),
            });
        }).RequireAuthorization(AccessPolicies.Switchboard);
    }

    /// <summary>
    /// The words without the rule's file:line:column, which the summary gives for the command line
    /// as "(reason; source)" or "(source)"; whatever the wording, the source itself never stays.
    /// </summary>
    private static string WithoutSource(string text, string? source) =>
        source is null
            ? text
            : text.Replace($" ({source})", "", StringComparison.Ordinal)
                .Replace($"; {source}", "", StringComparison.Ordinal)
                .Replace(source, "", StringComparison.Ordinal);
}
