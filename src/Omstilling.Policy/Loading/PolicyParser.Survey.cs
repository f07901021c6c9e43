using Omstilling.Policy.Loading.Drafts;
using Omstilling.Policy.Model;
using YamlDotNet.RepresentationModel;

namespace Omstilling.Policy.Loading;

/// <summary>The <c>survey:</c> section: who is asked, the share sampled, the three prompts, the scale.</summary>
internal sealed partial class PolicyParser
{
    private static readonly string[] SurveyKeys = ["ask", "share-percent", "invitation", "question", "thanks", "scale", "satisfied-from"];

    private static readonly string[] SurveyAudiences = ["switchboard", "everyone"];

    private void ParseSurvey(YamlMappingNode node)
    {
        var map = new YamlMap(node, "survey", SurveyKeys, _diagnostics);
        var ask = ParseAudience(map);
        var share = map.Int("share-percent", 0, 100);
        if (share is null && !map.Has("share-percent"))
        {
            map.Require("share-percent", "the share of callers asked, 0-100");
        }

        var invitation = SurveyPrompt(map, "invitation", "Tast 1, hvis du vil svare på et enkelt spørgsmål efter samtalen");
        var question = SurveyPrompt(map, "question", "Hvor tilfreds er du med hjælpen? Tast 1 til 5");
        var thanks = SurveyPrompt(map, "thanks", "Tak for dit svar");
        var scale = map.Int("scale", 2, 9) ?? 5;
        var satisfiedFrom = map.Int("satisfied-from", 1, 9) ?? Math.Min(PolicySurvey.DefaultSatisfiedFrom, scale);
        if (satisfiedFrom > scale && map.Scalar("satisfied-from") is { } satisfiedNode)
        {
            _diagnostics.Error(satisfiedNode, $"survey: satisfied-from ({satisfiedFrom}) is above the scale (1-{scale}); expected an answer on the scale");
            return;
        }

        if (ask is { } audience && share is { } percent && invitation is { } i && question is { } q && thanks is { } t)
        {
            _draft.Survey = new SurveyDraft(audience, percent, i, q, t, scale, satisfiedFrom, _diagnostics.At(node));
        }
    }

    private SurveyAudience? ParseAudience(YamlMap map)
    {
        var node = map.Scalar("ask", required: true, "who is asked: switchboard or everyone");
        switch (node?.Value)
        {
            case null:
                return null;
            case "switchboard":
                return SurveyAudience.Switchboard;
            case "everyone":
                return SurveyAudience.Everyone;
            default:
                _diagnostics.Error(node, $"survey: ask is '{node.Value}'; expected one of: {string.Join(", ", SurveyAudiences)}");
                return null;
        }
    }

    /// <summary>A prompt the survey names; checked against <c>prompts:</c> with the others.</summary>
    private string? SurveyPrompt(YamlMap map, string key, string example)
    {
        if (map.Scalar(key, required: true, $"a prompt name (its text e.g. \"{example}\")") is not { Value: { Length: > 0 } name } node)
        {
            return null;
        }

        _draft.PromptUses.Add((name, _diagnostics.At(node), $"survey: {key}"));
        return name;
    }
}
