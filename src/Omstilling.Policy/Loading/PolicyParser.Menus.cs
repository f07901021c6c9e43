using System.Diagnostics;
using Omstilling.Policy.Loading.Drafts;
using Omstilling.Policy.Model;
using Omstilling.Yaml;
using YamlDotNet.RepresentationModel;

namespace Omstilling.Policy.Loading;

/// <summary>Menus, their options, and actions wherever they are written.</summary>
internal sealed partial class PolicyParser
{
    /// <summary>An action's keys in a mapping: one per kind with a target, in the order of <see cref="ActionKind"/>, then "action" for a keyword.</summary>
    private static readonly string[] ActionKeys =
        [.. Enum.GetValues<ActionKind>().Where(k => !ActionWords.IsKeyword(k)).Select(ActionWords.Word), "action"];

    private static readonly string[] ActionModifiers = ["example", "then", "note"];
    private static readonly string[] MenuKeys = ["name", "intro", "invalid", "timeout-seconds", "retries", "no-input", "options"];
    private static readonly string[] OptionKeys = ["label", "prompt", "id", "season", "hours", "available"];

    private static readonly string[] StandaloneActionKeys = [.. ActionKeys, .. ActionModifiers];
    private static readonly string[] AllOptionKeys = [.. OptionKeys, .. ActionKeys, .. ActionModifiers];

    private static readonly string ActionExpected =
        $"operator, back, hangup, or a mapping with one of: {string.Join(", ", ActionKeys)}";

    private void ParseMenus(YamlMappingNode node)
    {
        foreach (var (keyNode, valueNode) in node.Children)
        {
            if (!TryId(keyNode, "menu id", out var id))
            {
                continue;
            }

            if (valueNode is not YamlMappingNode mapping)
            {
                _diagnostics.Error(valueNode, $"menu '{id}' must be a mapping; expected intro and options");
                continue;
            }

            var context = $"menu '{id}'";
            var map = new YamlMap(mapping, context, MenuKeys, _diagnostics);
            var menu = new MenuDraft(id, map.Text("name") ?? id, _diagnostics.At(keyNode));
            if (map.Scalar("intro", required: true, "the prompt read before the options") is { Value: { } intro } introNode)
            {
                menu.Intro = (intro, _diagnostics.At(introNode));
                _draft.PromptUses.Add((intro, _diagnostics.At(introNode), $"intro of {context}"));
            }

            if (map.Scalar("invalid", expected: "a prompt name") is { Value: { } invalid } invalidNode)
            {
                menu.Invalid = (invalid, _diagnostics.At(invalidNode));
                _draft.PromptUses.Add((invalid, _diagnostics.At(invalidNode), $"invalid of {context}"));
            }

            menu.TimeoutSeconds = map.Int("timeout-seconds", 1, 60);
            menu.Retries = map.Int("retries", 0, 10);
            if (map.Get("no-input") is { } noInput)
            {
                menu.OnNoInput = ParseAction(noInput, $"no-input of {context}", null, false);
            }

            var options = map.Mapping("options", "a mapping of keys to options");
            if (options is null)
            {
                _diagnostics.Error(mapping, $"{context} has no 'options'; expected at least one option");
            }

            foreach (var (digitNode, optionNode) in options?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
            {
                if (ParseOption(id, digitNode, optionNode) is { } option)
                {
                    menu.Options.Add(option);
                }
            }

            _draft.Menus[id] = menu;
        }
    }

    private OptionDraft? ParseOption(string menuId, YamlNode digitNode, YamlNode optionNode)
    {
        var digit = (digitNode as YamlScalarNode)?.Value ?? string.Empty;
        if (digit.Length != 1 || !Menu.Digits.Contains(digit[0], StringComparison.Ordinal))
        {
            _diagnostics.Error(digitNode, $"'{digit}' in menu '{menuId}' is not a key; expected one of 0-9, \"*\" or \"#\" (quote * and #)");
            return null;
        }

        var context = $"option {digit} of menu '{menuId}'";
        if (optionNode is not YamlMappingNode mapping)
        {
            _diagnostics.Error(optionNode, $"{context} must be a mapping; expected label and an action");
            return null;
        }

        var map = new YamlMap(mapping, context, AllOptionKeys, _diagnostics);
        var label = map.Text("label", required: true, "what the option is called, e.g. Teknik og Miljø");
        var action = ParseActionIn(map, context, menuId, false);
        (string, SourceLocation)? prompt = null;
        if (map.Scalar("prompt", expected: "a prompt name") is { Value: { } promptName } promptNode)
        {
            prompt = (promptName, _diagnostics.At(promptNode));
            _draft.PromptUses.Add((promptName, _diagnostics.At(promptNode), context));
        }

        (string, SourceLocation)? season = null;
        if (map.Scalar("season", expected: "a season id") is { Value: { } seasonId } seasonNode)
        {
            season = (seasonId, _diagnostics.At(seasonNode));
        }

        Schedule.WeeklyHours? hours = null;
        if (map.Mapping("hours", "a mapping of weekdays to hours") is { } hoursNode)
        {
            hours = ScheduleText.ParseWeekly(hoursNode, $"hours of {context}", _diagnostics);
        }

        var id = map.Text("id") ?? $"{menuId}/{digit}";
        if (label is null || action is null)
        {
            return null;
        }

        return new OptionDraft(digit[0], id, label, action, _diagnostics.At(digitNode))
        {
            Prompt = prompt,
            Season = season,
            Hours = hours,
            Enabled = map.Bool("available") ?? true,
        };
    }

    /// <summary>An action written on its own: a keyword or a mapping with one action key.</summary>
    private PolicyAction? ParseAction(YamlNode node, string context, string? inMenu, bool isOutsideHours)
    {
        if (node is YamlScalarNode scalar)
        {
            return Keyword(scalar, context, inMenu, isOutsideHours);
        }

        if (node is not YamlMappingNode mapping)
        {
            _diagnostics.Error(node, $"{context} must be an action; expected {ActionExpected}");
            return null;
        }

        return ParseActionIn(new YamlMap(mapping, context, StandaloneActionKeys, _diagnostics), context, inMenu, isOutsideHours);
    }

    private PolicyAction? Keyword(YamlScalarNode scalar, string context, string? inMenu, bool isOutsideHours)
    {
        if (!ActionWords.TryGetKind(scalar.Value, out var kind) || !ActionWords.IsKeyword(kind))
        {
            _diagnostics.Error(scalar, $"'{scalar.Value}' is not an action in {context}; expected {ActionExpected}");
            return null;
        }

        var action = new PolicyAction(kind, string.Empty, _diagnostics.At(scalar));
        _draft.Actions.Add(new ActionUse(action, context, inMenu, isOutsideHours));
        return action;
    }

    /// <summary>The one action key of a mapping (an option, an overflow rule) with its modifiers.</summary>
    private PolicyAction? ParseActionIn(YamlMap map, string context, string? inMenu, bool isOutsideHours)
    {
        var present = ActionKeys.Where(map.Has).ToList();
        if (present.Count == 0)
        {
            _diagnostics.Error(map.Node, $"{context} has no action; expected one of: {string.Join(", ", ActionKeys)}");
            return null;
        }

        if (present.Count > 1)
        {
            _diagnostics.Error(map.KeyNode(present[1])!, $"{context} has both '{present[0]}' and '{present[1]}'; expected one action");
            return null;
        }

        var key = present[0];
        var valueNode = map.Scalar(key, expected: key == "action" ? "operator, back or hangup" : $"the {key} to go to");
        if (valueNode?.Value is not { } value)
        {
            return null;
        }

        if (key == "action")
        {
            return Keyword(valueNode, context, inMenu, isOutsideHours);
        }

        if (!ActionWords.TryGetKind(key, out var kind))
        {
            throw new UnreachableException($"'{key}' is one of the action keys but names no action kind");
        }

        var source = _diagnostics.At(valueNode);
        string? target = kind switch
        {
            ActionKind.Extension => ParseExtension(valueNode),
            ActionKind.Number => ParseDanishNumber(valueNode),
            ActionKind.External => DanishNumber.TryNormalizeExternal(value, out var external) ? external : null,
            ActionKind.Department or ActionKind.Queue or ActionKind.Menu or ActionKind.Message or ActionKind.Voicemail => value,
            ActionKind.Back or ActionKind.Operator or ActionKind.Hangup => throw new UnreachableException($"The keyword '{key}' is written as 'action: {key}'"),
            _ => throw new UnreachableException($"Not an action kind: {kind}"),
        };
        if (kind == ActionKind.External && target is null)
        {
            _diagnostics.Error(valueNode, $"'{value}' is not a phone number; expected 8 digits such as 20 30 40 50, or + and a country code");
        }

        if (target is null)
        {
            return null;
        }

        PolicyAction? then = null;
        if (map.Get("then") is { } thenNode)
        {
            if (kind != ActionKind.Message)
            {
                _diagnostics.Error(map.KeyNode("then")!, $"'then' in {context} follows only a message; expected it next to 'message'");
            }
            else
            {
                then = ParseAction(thenNode, $"then of {context}", inMenu, isOutsideHours);
            }
        }

        var example = map.Bool("example") ?? false;
        if (example && kind != ActionKind.External && map.KeyNode("example") is { } exampleKey)
        {
            _diagnostics.Error(exampleKey, $"'example' in {context} marks an external number; expected it next to 'external'");
        }

        var action = new PolicyAction(kind, target, source) { IsExample = example, Then = then, Note = map.Text("note") };
        _draft.Actions.Add(new ActionUse(action, context, inMenu, isOutsideHours));
        return action;
    }
}
