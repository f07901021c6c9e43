using Omstilling.Yaml;
using YamlDotNet.RepresentationModel;

namespace Omstilling.Policy.Loading;

/// <summary>
/// A YAML mapping read with a fixed set of keys: unknown keys are reported once, at the key,
/// with the keys that are expected; values are fetched by key with their positions kept.
/// </summary>
internal sealed class YamlMap
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    public YamlMap(YamlMappingNode node, string context, IReadOnlyCollection<string> allowedKeys, DiagnosticBag diagnostics)
    {
        Node = node;
        Context = context;
        Diagnostics = diagnostics;
        YamlKeys.Read(node, context, allowedKeys, diagnostics, (key, value) => _entries[key.Value!] = (key, value));
    }

    public YamlMappingNode Node { get; }

    public string Context { get; }

    public DiagnosticBag Diagnostics { get; }

    public bool Has(string key) => _entries.ContainsKey(key);

    public YamlNode? Get(string key) => _entries.TryGetValue(key, out var entry) ? entry.Value : null;

    public YamlScalarNode? KeyNode(string key) => _entries.TryGetValue(key, out var entry) ? entry.Key : null;

    /// <summary>A required value: reports "missing key" at the mapping when absent.</summary>
    public YamlNode? Require(string key, string expected)
    {
        var value = Get(key);
        if (value is null)
        {
            Diagnostics.Error(Node, $"{Context} has no '{key}'; expected {expected}");
        }

        return value;
    }

    /// <summary>A text value, or null (absent, or reported as not a text).</summary>
    public YamlScalarNode? Scalar(string key, bool required = false, string expected = "a text")
    {
        var value = required ? Require(key, expected) : Get(key);
        return value is null ? null : AsScalar(value, key, expected);
    }

    public string? Text(string key, bool required = false, string expected = "a text")
    {
        var scalar = Scalar(key, required, expected);
        if (scalar is null)
        {
            return null;
        }

        if (required && string.IsNullOrWhiteSpace(scalar.Value))
        {
            Diagnostics.Error(scalar, $"'{key}' in {Context} is empty; expected {expected}");
            return null;
        }

        return scalar.Value;
    }

    public YamlScalarNode? AsScalar(YamlNode value, string key, string expected)
    {
        if (value is YamlScalarNode scalar)
        {
            return scalar;
        }

        Diagnostics.Error(value, $"'{key}' in {Context} must be {expected}, not a {YamlNodes.KindOf(value)}");
        return null;
    }

    public YamlMappingNode? Mapping(string key, string expected)
    {
        var value = Get(key);
        if (value is null || YamlNodes.IsNull(value))
        {
            return null;
        }

        if (value is YamlMappingNode mapping)
        {
            return mapping;
        }

        Diagnostics.Error(value, $"'{key}' in {Context} must be {expected}, not a {YamlNodes.KindOf(value)}");
        return null;
    }

    public YamlSequenceNode? Sequence(string key, string expected)
    {
        var value = Get(key);
        if (value is null || YamlNodes.IsNull(value))
        {
            return null;
        }

        if (value is YamlSequenceNode sequence)
        {
            return sequence;
        }

        Diagnostics.Error(value, $"'{key}' in {Context} must be {expected}, not a {YamlNodes.KindOf(value)}");
        return null;
    }

    public bool? Bool(string key)
    {
        var scalar = Scalar(key, expected: "true or false");
        switch (scalar?.Value)
        {
            case null:
                return null;
            case "true" or "yes":
                return true;
            case "false" or "no":
                return false;
            default:
                Diagnostics.Error(scalar, $"'{key}' in {Context} is '{scalar.Value}'; expected true or false");
                return null;
        }
    }

    public int? Int(string key, int min, int max)
    {
        var scalar = Scalar(key, expected: $"a whole number from {min} to {max}");
        if (scalar?.Value is null)
        {
            return null;
        }

        if (int.TryParse(scalar.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        Diagnostics.Error(scalar, $"'{key}' in {Context} is '{scalar.Value}'; expected a whole number from {min} to {max}");
        return null;
    }
}
