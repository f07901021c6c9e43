using Omstilling.Host.Cli;
using Omstilling.Policy;
using Omstilling.Policy.Explaining;
using Omstilling.Policy.Routing;

namespace Omstilling.Host.Web;

/// <summary>
/// <c>GET /api/explain?number=54731000&amp;at=2026-12-24T19:00&amp;lang=da</c>: the same explanation as
/// <c>omstilling explain</c>, as JSON (steps and the deciding rule). Without <c>at</c>, the server's
/// clock decides (which <c>run --at</c> may have moved).
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
                return Results.Problem($"lang '{lang}' is not da or en", statusCode: 400);
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
                return Results.Problem($"at '{at}' is not YYYY-MM-DDTHH:MM local time", statusCode: 400);
            }

            return Results.Ok(new
            {
                explanation.Number,
                explanation.LocalTime,
                explanation.Instant,
                timeKind = explanation.TimeKind.ToString(),
                decision = explanation.Decision.ToString(),
                rule = explanation.Rule.ToString(),
                explanation.RuleSource,
                explanation.Summary,
                steps = explanation.Steps.Select(s => new { s.Depth, s.Text }),
                explanation.Text,
            });
        });
    }
}
