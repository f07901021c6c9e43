using Omstilling.Policy.Loading;
using Omstilling.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Omstilling.Directory.Loading;

/// <summary>
/// A YAML mapping read with a fixed set of keys (the directory's counterpart of the policy
/// loader's map): an unknown key is reported at the key with the keys that are expected; values
/// keep their positions. One per mapping; not thread-safe.
/// </summary>
internal sealed class YamlFields
{
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);

    public YamlFields(YamlMappingNode node, string context, IReadOnlyCollection<string> allowedKeys, DiagnosticBag diagnostics)
    {
        Node = node;
        Context = context;
        Diagnostics = diagnostics;
        YamlKeys.Read(node, context, allowedKeys, diagnostics, (key, value) => _values[key.Value!] = value);
    }

    public YamlMappingNode Node { get; }

    public string Context { get; }

    public DiagnosticBag Diagnostics { get; }

    /// <summary>The value, or null when absent or empty (<c>key:</c> with nothing after it).</summary>
    public YamlNode? Get(string key) => _values.TryGetValue(key, out var value) && !IsNull(value) ? value : null;

    /// <summary>A text value; reports a missing required key at the mapping, a non-text at the value.</summary>
    public YamlScalarNode? Scalar(string key, bool required, string expected)
    {
        var value = Get(key);
        if (value is null)
        {
            if (required)
            {
                Diagnostics.Error(Node, $"{Context} has no '{key}'; expected {expected}");
            }

            return null;
        }

        if (value is YamlScalarNode scalar)
        {
            if (string.IsNullOrWhiteSpace(scalar.Value))
            {
                Diagnostics.Error(scalar, $"'{key}' in {Context} is empty; expected {expected}");
                return null;
            }

            return scalar;
        }

        Diagnostics.Error(value, $"'{key}' in {Context} must be {expected}, not a {KindOf(value)}");
        return null;
    }

    public string? Text(string key, bool required, string expected) => Scalar(key, required, expected)?.Value?.Trim();

    /// <summary>A list, or a single value read as a list of one ("topics: pas").</summary>
    public IReadOnlyList<YamlNode> Items(string key) => Get(key) switch
    {
        null => [],
        YamlSequenceNode sequence => [.. sequence.Children],
        var single => [single],
    };

    public static string KindOf(YamlNode node) => YamlNodes.KindOf(node);

    public static bool IsNull(YamlNode node) => YamlNodes.IsNull(node);
}
