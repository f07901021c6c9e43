using Omstilling.Policy.Loading.Drafts;
using Omstilling.Policy.Model;
using YamlDotNet.RepresentationModel;

namespace Omstilling.Policy.Loading;

/// <summary>The switchboard, queues, areas, departments, people and their numbers.</summary>
internal sealed partial class PolicyParser
{
    /// <summary>The switchboard's id among the units (departments may not use it).</summary>
    public const string SwitchboardId = "switchboard";

    private static readonly string[] SwitchboardKeys = ["name", "number", "operators", "queue", "greeting", "hours", "overflow", "ring-limit", "pass-back-code"];
    private static readonly string[] AreaKeys = ["name", "hours", "overflow", "ring-limit", "departments"];
    private static readonly string[] DepartmentKeys = ["name", "numbers", "extensions", "queue", "greeting", "hours", "overflow", "ring-limit", "people"];
    private static readonly string[] PersonKeys = ["name", "title", "extension", "numbers", "overflow", "ring-limit"];
    private static readonly string[] NumberKeys = ["number", "visibility", "example", "name"];
    private static readonly string[] QueueKeys = ["name", "members", "strategy", "announce-position", "announce-every-seconds", "ring-seconds", "music", "max-wait-seconds", "on-timeout"];

    private const string DanishNumberExpected = "8 digits such as 54 73 10 00 (or +45 54 73 10 00)";
    private const string PassBackCodeExpected = "1 to 6 digits, such as 9";
    private const string ExtensionExpected = "2 to 6 digits not starting with 0, such as 2001";

    private void ParseSwitchboard(YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            _diagnostics.Error(node, "the switchboard must be a mapping; expected name, number, operators, queue, greeting, hours, overflow");
            return;
        }

        var map = new YamlMap(mapping, "the switchboard", SwitchboardKeys, _diagnostics);
        var unit = new UnitDraft(SwitchboardId, map.Text("name") ?? "Hovedomstillingen", UnitKind.Switchboard, _diagnostics.At(mapping));
        if (map.Scalar("number", required: true, "the main number, " + DanishNumberExpected) is { } number
            && ParseDanishNumber(number) is { } main)
        {
            unit.Numbers.Add(new NumberDraft(main, NumberVisibility.Public, false, _diagnostics.At(number)));
        }

        unit.Operators.AddRange(ParseExtensions(map, "operators", "the switchboard"));
        ParseUnitCommon(map, unit, "the switchboard");
        ParsePassBackCode(map);
        _draft.Switchboard = unit;
    }

    /// <summary>The short number a phone transfers a caller back to the switchboard with ("fejlopkald"), besides the main number.</summary>
    private void ParsePassBackCode(YamlMap map)
    {
        if (map.Scalar("pass-back-code", expected: PassBackCodeExpected) is not { Value: { } code } node)
        {
            return;
        }

        if (code.Length is < 1 or > 6 || !code.All(char.IsAsciiDigit))
        {
            _diagnostics.Error(node, $"the pass-back code '{code}' is not valid; expected {PassBackCodeExpected}");
            return;
        }

        _draft.PassBackCode = (code, _diagnostics.At(node));
    }

    private void ParseUnitCommon(YamlMap map, UnitDraft unit, string context)
    {
        if (map.Scalar("queue", expected: "a queue id") is { Value: { } queue } queueNode)
        {
            unit.Queue = (queue, _diagnostics.At(queueNode));
        }

        if (map.Scalar("greeting", expected: "a prompt name") is { Value: { } greeting } greetingNode)
        {
            unit.Greeting = (greeting, _diagnostics.At(greetingNode));
            _draft.PromptUses.Add((greeting, _diagnostics.At(greetingNode), $"greeting of {context}"));
        }

        unit.Rules = ParseLevelRules(map, context, null);
    }

    private void ParseAreas(YamlMappingNode node)
    {
        foreach (var (keyNode, valueNode) in node.Children)
        {
            if (!TryId(keyNode, "area id", out var id))
            {
                continue;
            }

            if (valueNode is not YamlMappingNode mapping)
            {
                _diagnostics.Error(valueNode, $"area '{id}' must be a mapping; expected name and departments");
                continue;
            }

            var context = $"area '{id}'";
            var map = new YamlMap(mapping, context, AreaKeys, _diagnostics);
            var area = new AreaDraft(id, map.Text("name", required: true, "the area's name") ?? id, _diagnostics.At(keyNode));
            area.Rules = ParseLevelRules(map, context, null);
            foreach (var (deptKey, deptValue) in map.Mapping("departments", "a mapping of department ids to departments")?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
            {
                if (ParseDepartment(deptKey, deptValue, area) is { } department)
                {
                    area.Departments.Add(department);
                }
            }

            _draft.Areas.Add(area);
        }
    }

    private UnitDraft? ParseDepartment(YamlNode keyNode, YamlNode valueNode, AreaDraft area)
    {
        if (!TryId(keyNode, "department id", out var id))
        {
            return null;
        }

        if (id == SwitchboardId)
        {
            _diagnostics.Error(keyNode, $"'{SwitchboardId}' is the main switchboard's id; expected another department id");
            return null;
        }

        if (valueNode is not YamlMappingNode mapping)
        {
            _diagnostics.Error(valueNode, $"department '{id}' must be a mapping; expected name, numbers, extensions, hours, ...");
            return null;
        }

        var context = $"department '{id}'";
        var map = new YamlMap(mapping, context, DepartmentKeys, _diagnostics);
        var unit = new UnitDraft(id, map.Text("name", required: true, "the department's name") ?? id, UnitKind.Department, _diagnostics.At(keyNode)) { Area = area };
        unit.Numbers.AddRange(ParseNumbers(map, context));
        unit.Extensions.AddRange(ParseExtensions(map, "extensions", context));
        ParseUnitCommon(map, unit, context);
        foreach (var item in map.Sequence("people", "a list of people") ?? [])
        {
            if (ParsePerson(item, context) is { } person)
            {
                unit.People.Add(person);
            }
        }

        return unit;
    }

    private PersonDraft? ParsePerson(YamlNode node, string departmentContext)
    {
        if (node is not YamlMappingNode mapping)
        {
            _diagnostics.Error(node, $"a person in {departmentContext} must be a mapping; expected name and extension");
            return null;
        }

        var map = new YamlMap(mapping, $"a person in {departmentContext}", PersonKeys, _diagnostics);
        var name = map.Text("name", required: true, "the person's name");
        var context = name is null ? $"a person in {departmentContext}" : $"'{name}' in {departmentContext}";
        var extensionNode = map.Scalar("extension", required: true, ExtensionExpected);
        var extension = extensionNode is null ? null : ParseExtension(extensionNode);
        var numbers = ParseNumbers(map, context);
        var rules = ParseLevelRules(map, context, null);
        if (name is null || extension is null)
        {
            return null;
        }

        return new PersonDraft(name, new ExtensionDraft(extension, _diagnostics.At(extensionNode!)), map.Text("title"), numbers, rules, _diagnostics.At(mapping));
    }

    private List<NumberDraft> ParseNumbers(YamlMap map, string context)
    {
        var result = new List<NumberDraft>();
        foreach (var item in map.Sequence("numbers", "a list of direct numbers") ?? [])
        {
            if (item is YamlScalarNode scalar)
            {
                if (ParseDanishNumber(scalar) is { } plain)
                {
                    result.Add(new NumberDraft(plain, NumberVisibility.Public, false, _diagnostics.At(scalar)));
                }

                continue;
            }

            if (item is not YamlMappingNode mapping)
            {
                _diagnostics.Error(item, $"a number of {context} must be a number or a mapping; expected number, visibility, example");
                continue;
            }

            var numberMap = new YamlMap(mapping, $"a number of {context}", NumberKeys, _diagnostics);
            var numberNode = numberMap.Scalar("number", required: true, DanishNumberExpected);
            var visibilityNode = numberMap.Scalar("visibility", expected: "public or partners");
            var visibility = NumberVisibility.Public;
            if (visibilityNode is not null)
            {
                switch (visibilityNode.Value)
                {
                    case "public":
                        break;
                    case "partners":
                        visibility = NumberVisibility.PartnersOnly;
                        break;
                    default:
                        _diagnostics.Error(visibilityNode, $"visibility '{visibilityNode.Value}' is not known; expected public or partners");
                        break;
                }
            }

            var example = numberMap.Bool("example") ?? false;
            if (numberNode is not null && ParseDanishNumber(numberNode) is { } number)
            {
                result.Add(new NumberDraft(number, visibility, example, _diagnostics.At(numberNode)));
            }
        }

        return result;
    }

    private List<ExtensionDraft> ParseExtensions(YamlMap map, string key, string context)
    {
        var result = new List<ExtensionDraft>();
        foreach (var item in map.Sequence(key, "a list of extensions") ?? [])
        {
            if (item is YamlScalarNode scalar && ParseExtension(scalar) is { } extension)
            {
                result.Add(new ExtensionDraft(extension, _diagnostics.At(scalar)));
            }
            else if (item is not YamlScalarNode)
            {
                _diagnostics.Error(item, $"'{key}' of {context} must list extensions; expected {ExtensionExpected}");
            }
        }

        return result;
    }

    private string? ParseDanishNumber(YamlScalarNode node)
    {
        if (DanishNumber.TryParse(node.Value, out var number))
        {
            return number.National;
        }

        _diagnostics.Error(node, $"'{node.Value}' is not a Danish phone number; expected {DanishNumberExpected}");
        return null;
    }

    private string? ParseExtension(YamlScalarNode node)
    {
        var text = node.Value ?? string.Empty;
        if (DanishNumber.IsExtension(text))
        {
            return text;
        }

        _diagnostics.Error(node, $"'{text}' is not an extension; expected {ExtensionExpected}");
        return null;
    }

    private void ParseQueues(YamlMappingNode node)
    {
        foreach (var (keyNode, valueNode) in node.Children)
        {
            if (!TryId(keyNode, "queue id", out var id))
            {
                continue;
            }

            if (valueNode is not YamlMappingNode mapping)
            {
                _diagnostics.Error(valueNode, $"queue '{id}' must be a mapping; expected name and members");
                continue;
            }

            var context = $"queue '{id}'";
            var map = new YamlMap(mapping, context, QueueKeys, _diagnostics);
            var members = ParseExtensions(map, "members", context);
            if (!map.Has("members"))
            {
                _diagnostics.Error(mapping, $"{context} has no 'members'; expected the extensions that answer it");
            }

            foreach (var member in members)
            {
                _draft.QueueMembers.Add((id, member));
            }

            string? music = null;
            if (map.Scalar("music", expected: "a prompt name") is { Value: { } musicName } musicNode)
            {
                music = musicName;
                _draft.PromptUses.Add((musicName, _diagnostics.At(musicNode), $"music of {context}"));
            }

            var maxWait = map.Int("max-wait-seconds", 10, 3600);
            var strategy = QueueStrategy.LongestIdle;
            if (map.Scalar("strategy", expected: "longest-idle or ring-all") is { Value: { } strategyText } strategyNode)
            {
                strategy = strategyText switch
                {
                    "longest-idle" => QueueStrategy.LongestIdle,
                    "ring-all" => QueueStrategy.RingAll,
                    _ => Unknown(strategyNode, $"{context}: strategy '{strategyText}' is unknown; expected longest-idle or ring-all"),
                };
            }

            _draft.Queues[id] = new Queue(id, map.Text("name") ?? id, [.. members.Select(m => m.Extension)], _diagnostics.At(keyNode))
            {
                AnnouncePosition = map.Bool("announce-position") ?? false,
                MusicPrompt = music,
                MaxWait = maxWait is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                Strategy = strategy,
                AnnounceEvery = TimeSpan.FromSeconds(map.Int("announce-every-seconds", 10, 600) ?? 30),
                RingMember = TimeSpan.FromSeconds(map.Int("ring-seconds", 5, 120) ?? 15),
                OnTimeout = map.Get("on-timeout") is { } timeout ? ParseAction(timeout, $"on-timeout of {context}", null, false) : null,
            };
        }
    }

    private QueueStrategy Unknown(YamlScalarNode node, string message)
    {
        _diagnostics.Error(node, message);
        return QueueStrategy.LongestIdle;
    }
}
