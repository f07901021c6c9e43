using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Omstilling.Yaml;

/// <summary>Small facts about YAML nodes that messages and positions need.</summary>
public static class YamlNodes
{
    public static string KindOf(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "text",
    };

    /// <summary>An empty value (<c>key:</c> with nothing after it).</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "" or "~" or "null" };

    /// <summary>
    /// The column of character <paramref name="index"/> inside a one-line scalar, so that an error
    /// in "08:00-25:00" points at "25:00" rather than at the start of the value.
    /// </summary>
    public static int ColumnOf(YamlScalarNode node, int index)
    {
        var quoted = node.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
        return node.Start.Line == node.End.Line ? (int)node.Start.Column + quoted + index : (int)node.Start.Column;
    }
}
