using Omstilling.Directory.Loading.Drafts;
using Omstilling.Directory.Model;
using Omstilling.Directory.Text;
using Omstilling.Policy.Model;
using Omstilling.Policy.Outbound;
using YamlDotNet.RepresentationModel;

namespace Omstilling.Directory.Loading;

/// <summary>People and their numbers.</summary>
internal sealed partial class DirectoryParser
{
    private static readonly string[] PersonKeys = ["id", "name", "title", "department", "extension", "email", "mobile", "direct", "topics", "covered-by", "calendar", "class-of-service"];

    private const string DanishNumberExpected = "8 digits such as 54 73 20 10";
    private const string ExtensionExpected = "2 to 6 digits not starting with 0, such as 2010";

    private PersonDraft? ParsePerson(YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            _diagnostics.Error(node, $"a person must be a mapping, not a {YamlFields.KindOf(node)}; expected name, department, extension, ...");
            return null;
        }

        // Messages name the person, so the name is looked up before the other keys are read.
        var nameNode = NameNode(mapping);
        var context = nameNode?.Value is { Length: > 0 } shown ? $"person '{shown.Trim()}'" : "a person";
        var map = new YamlFields(mapping, context, PersonKeys, _diagnostics);
        var name = map.Text("name", required: true, "the person's full name");
        var id = ParsePersonId(map, name, nameNode);
        var department = map.Scalar("department", required: true, "the id of the person's department");
        var departmentOk = department is not null && CheckId(department, "department id");

        // Every field is read even when one is wrong, so that one load reports every problem.
        var title = map.Text("title", required: false, "a job title");
        var extension = ParseExtension(map);
        var email = ParseEmail(map);
        var mobile = ParseMobile(map);
        var numbers = ParseNumbers(map, "direct");
        var topics = ParseTopics(map);
        var coveredBy = ParseCoveredBy(map);
        var calendar = ParseCalendar(map);
        var classOfService = ParseClassOfService(map);
        if (name is null || id is not { } personId || !departmentOk)
        {
            return null;
        }

        return new PersonDraft(personId, name, new Located(department!.Value!, _diagnostics.At(department)), _diagnostics.At(mapping))
        {
            IdFromName = map.Get("id") is null,
            Title = title,
            Extension = extension,
            Email = email,
            Mobile = mobile,
            Numbers = numbers,
            Topics = topics,
            CoveredBy = coveredBy,
            Calendar = calendar,
            ClassOfService = classOfService,
        };
    }

    private static YamlScalarNode? NameNode(YamlMappingNode mapping)
    {
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: "name" })
            {
                return value as YamlScalarNode;
            }
        }

        return null;
    }

    /// <summary>The given id, or one made from the name ("Anne Sørensen" → "anne-soerensen").</summary>
    private Located? ParsePersonId(YamlFields map, string? name, YamlScalarNode? nameNode)
    {
        if (map.Scalar("id", required: false, "an id such as anne-soerensen") is { } idNode)
        {
            return CheckId(idNode, "person id") ? new Located(idNode.Value!, _diagnostics.At(idNode)) : null;
        }

        if (name is null || nameNode is null)
        {
            return null;
        }

        var slug = DanishText.Slug(name);
        if (slug.Length == 0)
        {
            _diagnostics.Error(nameNode, $"no id can be made from the name '{name}'; expected an 'id' of {IdExpected}");
            return null;
        }

        return new Located(slug, _diagnostics.At(nameNode));
    }

    private Located? ParseExtension(YamlFields map)
    {
        if (map.Scalar("extension", required: false, ExtensionExpected) is not { Value: { } text } node)
        {
            return null;
        }

        if (DanishNumber.IsExtension(text))
        {
            return new Located(text, _diagnostics.At(node));
        }

        _diagnostics.Error(node, $"'{text}' is not an extension; expected {ExtensionExpected}");
        return null;
    }

    /// <summary><c>class-of-service:</c> internal, local, national or international (the toll-fraud guard's; national when not written).</summary>
    private ClassOfService? ParseClassOfService(YamlFields map)
    {
        if (map.Scalar("class-of-service", required: false, OutboundPermission.ClassNames) is not { Value: { } text } node)
        {
            return null;
        }

        if (OutboundPermission.TryParseClass(text, out var classOfService))
        {
            return classOfService;
        }

        _diagnostics.Error(node, $"'{text}' is not a class of service; expected {OutboundPermission.ClassNames} (national when not written)");
        return null;
    }

    private string? ParseMobile(YamlFields map)
    {
        if (map.Scalar("mobile", required: false, "a mobile number, " + DanishNumberExpected) is not { Value: { } text } node)
        {
            return null;
        }

        if (DanishNumber.TryParse(text, out var number))
        {
            return number.National;
        }

        _diagnostics.Error(node, $"'{text}' is not a Danish phone number; expected {DanishNumberExpected}", $"{text} er ikke et dansk telefonnummer. Skriv de 8 cifre, fx 20 30 40 50.");
        return null;
    }

    /// <summary>Direct numbers: "54 73 20 10" (public), { number, visibility }, or a list of those.</summary>
    private List<NumberDraft> ParseNumbers(YamlFields map, string key)
    {
        var result = new List<NumberDraft>();
        foreach (var item in map.Items(key))
        {
            switch (item)
            {
                case YamlScalarNode scalar:
                    if (Number(scalar, NumberVisibility.Public) is { } plain)
                    {
                        result.Add(plain);
                    }

                    break;
                case YamlMappingNode mapping:
                    var numberMap = new YamlFields(mapping, $"a direct number of {map.Context}", NumberKeys, _diagnostics);
                    var numberNode = numberMap.Scalar("number", required: true, DanishNumberExpected);
                    var visibility = Visibility(numberMap.Scalar("visibility", required: false, "public or partners"));
                    if (numberNode is not null && visibility is { } known && Number(numberNode, known) is { } number)
                    {
                        result.Add(number);
                    }

                    break;
                default:
                    _diagnostics.Error(item, $"a direct number of {map.Context} must be a number or a mapping; expected number and visibility");
                    break;
            }
        }

        return result;
    }

    private NumberVisibility? Visibility(YamlScalarNode? node)
    {
        switch (node?.Value)
        {
            case null or "public":
                return NumberVisibility.Public;
            case "partners":
                return NumberVisibility.PartnersOnly;
            default:
                _diagnostics.Error(node, $"visibility '{node.Value}' is not known; expected public or partners");
                return null;
        }
    }

    private NumberDraft? Number(YamlScalarNode node, NumberVisibility visibility)
    {
        if (DanishNumber.TryParse(node.Value, out var number))
        {
            return new NumberDraft(new DirectNumber(number, visibility), _diagnostics.At(node));
        }

        _diagnostics.Error(node, $"'{node.Value}' is not a Danish phone number; expected {DanishNumberExpected}");
        return null;
    }

    private List<Located> ParseCoveredBy(YamlFields map)
    {
        var result = new List<Located>();
        foreach (var item in map.Items("covered-by"))
        {
            if (item is YamlScalarNode scalar && CheckId(scalar, "person id in covered-by"))
            {
                result.Add(new Located(scalar.Value!, _diagnostics.At(scalar)));
            }
            else if (item is not YamlScalarNode)
            {
                _diagnostics.Error(item, $"'covered-by' of {map.Context} must list person ids; expected e.g. [bo-jensen]");
            }
        }

        return result;
    }
}
