using System.Buffers;
using Omstilling.Directory.Loading.Drafts;
using Omstilling.Directory.Text;
using Omstilling.Policy.Loading;
using Omstilling.Yaml;
using YamlDotNet.RepresentationModel;

namespace Omstilling.Directory.Loading;

/// <summary>
/// Reads the YAML tree of a directory file into drafts, reporting every shape error (unknown
/// keys, wrong types, malformed numbers, ids and addresses) at its position. References between
/// entries and to the policy are checked afterwards by <see cref="DirectoryChecker"/>. One
/// instance per load; not thread-safe. People are read in <c>DirectoryParser.People.cs</c>.
/// </summary>
internal sealed partial class DirectoryParser(DiagnosticBag diagnostics)
{
    private static readonly string[] RootKeys = ["areas", "departments", "people"];
    private static readonly string[] AreaKeys = ["name"];
    private static readonly string[] DepartmentKeys = ["name", "area", "topics", "email", "direct"];
    private static readonly string[] NumberKeys = ["number", "visibility"];

    private static readonly SearchValues<char> IdChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");
    private static readonly SearchValues<char> NotInEmail = SearchValues.Create(" \t,;<>");

    private const string IdExpected = "lower-case letters, digits and '-' (e.g. anne-soerensen)";

    private readonly DiagnosticBag _diagnostics = diagnostics;
    private readonly DirectoryDraft _draft = new();

    public DirectoryDraft Parse(YamlMappingNode root)
    {
        var map = new YamlFields(root, "the directory", RootKeys, _diagnostics);
        if (Mapping(map, "areas", "a mapping of area ids to areas") is { } areas)
        {
            ParseAreas(areas);
        }

        if (Mapping(map, "departments", "a mapping of department ids to departments") is { } departments)
        {
            ParseDepartments(departments);
        }

        if (map.Get("people") is { } people)
        {
            if (people is YamlSequenceNode list)
            {
                foreach (var item in list)
                {
                    if (ParsePerson(item) is { } person)
                    {
                        _draft.People.Add(person);
                    }
                }
            }
            else
            {
                _diagnostics.Error(people, $"'people' in the directory must be a list of people, not a {YamlFields.KindOf(people)}; expected '- name: ...' items");
            }
        }

        return _draft;
    }

    private YamlMappingNode? Mapping(YamlFields map, string key, string expected)
    {
        switch (map.Get(key))
        {
            case null:
                return null;
            case YamlMappingNode mapping:
                return mapping;
            case var other:
                _diagnostics.Error(other, $"'{key}' in {map.Context} must be {expected}, not a {YamlFields.KindOf(other)}");
                return null;
        }
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
                _diagnostics.Error(valueNode, $"area '{id}' must be a mapping; expected {{ name: ... }}");
                continue;
            }

            var map = new YamlFields(mapping, $"area '{id}'", AreaKeys, _diagnostics);
            if (map.Text("name", required: true, "the area's name") is { } name)
            {
                _draft.Areas.Add(new AreaDraft(id, name, _diagnostics.At(keyNode)));
            }
        }
    }

    private void ParseDepartments(YamlMappingNode node)
    {
        foreach (var (keyNode, valueNode) in node.Children)
        {
            if (!TryId(keyNode, "department id", out var id))
            {
                continue;
            }

            if (YamlFields.IsNull(valueNode))
            {
                _draft.Departments.Add(new DepartmentDraft(id, _diagnostics.At(keyNode)));
                continue;
            }

            if (valueNode is not YamlMappingNode mapping)
            {
                _diagnostics.Error(valueNode, $"department '{id}' must be a mapping; expected name, area, topics, email, direct");
                continue;
            }

            var context = $"department '{id}'";
            var map = new YamlFields(mapping, context, DepartmentKeys, _diagnostics);
            var area = map.Scalar("area", required: false, "an area id");
            _draft.Departments.Add(new DepartmentDraft(id, _diagnostics.At(keyNode))
            {
                Name = map.Text("name", required: false, "the department's name"),
                Area = area is not null && CheckId(area, "area id") ? new Located(area.Value!, _diagnostics.At(area)) : null,
                Topics = ParseTopics(map),
                Email = ParseEmail(map),
                Numbers = ParseNumbers(map, "direct"),
            });
        }
    }

    private List<string> ParseTopics(YamlFields map)
    {
        var topics = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in map.Items("topics"))
        {
            if (item is not YamlScalarNode { Value: { } text } scalar || string.IsNullOrWhiteSpace(text))
            {
                _diagnostics.Error(item, $"a topic of {map.Context} must be a word or phrase; expected a list such as [pas, kørekort]");
                continue;
            }

            var topic = text.Trim();
            if (seen.TryGetValue(DanishText.Fold(topic), out var earlier))
            {
                var again = topics[earlier] == topic ? "is listed twice" : $"repeats '{topics[earlier]}'";
                _diagnostics.Warning(_diagnostics.At(scalar), $"topic '{topic}' of {map.Context} {again}; expected each topic once");
                continue;
            }

            seen.Add(DanishText.Fold(topic), topics.Count);
            topics.Add(topic);
        }

        return topics;
    }

    private string? ParseEmail(YamlFields map, string key = "email")
    {
        if (map.Scalar(key, required: false, "an e-mail address") is not { Value: { } text } node)
        {
            return null;
        }

        var email = text.Trim();
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var valid = at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.')
            && !email.AsSpan().ContainsAny(NotInEmail);
        if (!valid)
        {
            _diagnostics.Error(node, $"'{email}' in {map.Context} is not an e-mail address; expected e.g. navn@guldborgsund.dk", $"{email} er ikke en gyldig e-mailadresse. Skriv den som fx navn@guldborgsund.dk.");
            return null;
        }

        return email;
    }

    /// <summary>A key used as an id: lower-case letters, digits and '-', as the policy's ids.</summary>
    private bool TryId(YamlNode keyNode, string what, out string id)
    {
        id = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
        return keyNode is YamlScalarNode scalar && CheckId(scalar, what);
    }

    private bool CheckId(YamlScalarNode node, string what)
    {
        if (IsId(node.Value))
        {
            return true;
        }

        _diagnostics.Error(node, $"'{node.Value}' is not a valid {what}; expected {IdExpected}");
        return false;
    }

    internal static bool IsId(string? text) =>
        !string.IsNullOrEmpty(text) && text[0] != '-' && text[^1] != '-'
        && !text.AsSpan().ContainsAnyExcept(IdChars);
}
