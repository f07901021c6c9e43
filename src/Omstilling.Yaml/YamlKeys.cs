using YamlDotNet.RepresentationModel;

namespace Omstilling.Yaml;

/// <summary>
/// The keys of a mapping read against a fixed set, the same way in every YAML file of ours: a key
/// that is no plain word, or not one of the set, is an error at the key that lists the keys
/// expected; each known key's value is handed on with its key.
/// </summary>
public static class YamlKeys
{
    public static void Read(YamlMappingNode node, string context, IReadOnlyCollection<string> allowedKeys, DiagnosticBag diagnostics, Action<YamlScalarNode, YamlNode> take)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(allowedKeys);
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(take);
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } scalar)
            {
                diagnostics.Error(key, $"a key in {context} must be a plain word; expected one of: {string.Join(", ", allowedKeys)}");
            }
            else if (!allowedKeys.Contains(name))
            {
                diagnostics.Error(key, $"unknown key '{name}' in {context}; expected one of: {string.Join(", ", allowedKeys)}");
            }
            else
            {
                take(scalar, value);
            }
        }
    }
}
