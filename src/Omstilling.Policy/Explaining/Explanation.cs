using System.Collections.Immutable;
using Omstilling.Policy.Routing;
using Omstilling.Policy.Schedule;

namespace Omstilling.Policy.Explaining;

/// <summary>
/// What a caller hears and can do when calling a number at a time, step by step, and the rule
/// that decided. Plain data (strings, enums, times) so the web API can serialise it as it is;
/// <see cref="Text"/> is the plain-text form the CLI prints.
/// </summary>
/// <param name="Number">The number as asked for.</param>
/// <param name="LocalTime">The wall-clock time asked for (in the policy's zone).</param>
/// <param name="Instant">The instant explained (for a skipped time, the time moved forward).</param>
/// <param name="RuleSource">file:line:column of the deciding rule, when it is written in the file.</param>
/// <param name="Summary">The first sentence: the time, and whether and why the number is open or closed.</param>
public sealed record Explanation(
    string Number,
    DateTime LocalTime,
    DateTimeOffset Instant,
    LocalTimeKind TimeKind,
    ExplainLanguage Language,
    DecisionKind Decision,
    RuleKind Rule,
    string? RuleSource,
    string Summary,
    ImmutableArray<ExplanationStep> Steps)
{
    /// <summary>The summary and the steps, indented two spaces per depth.</summary>
    public string Text =>
        string.Join('\n', Steps.Select(s => new string(' ', 2 * s.Depth) + s.Text).Prepend(Summary));
}
