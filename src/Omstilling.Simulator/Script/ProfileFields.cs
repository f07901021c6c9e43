using System.Globalization;
using System.Text.RegularExpressions;
using Omstilling.Yaml;
using YamlDotNet.RepresentationModel;

namespace Omstilling.Simulator.Script;

/// <summary>
/// One mapping of a profile file read with a fixed set of keys: an unknown key is reported at the
/// key with the keys that are expected; each value is read as what it must be (a share in percent,
/// a range of times, 24 figures), every problem reported at the value and the key left at its
/// default. One per mapping; not thread-safe.
/// </summary>
internal sealed partial class ProfileFields
{
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);
    private readonly DiagnosticBag _diagnostics;
    private readonly string _context;

    public ProfileFields(YamlMappingNode node, string context, IReadOnlyCollection<string> allowedKeys, DiagnosticBag diagnostics)
    {
        _diagnostics = diagnostics;
        _context = context;
        YamlKeys.Read(node, context, allowedKeys, diagnostics, (key, value) =>
        {
            if (!YamlNodes.IsNull(value))
            {
                _values[key.Value!] = value;
            }
        });
    }

    /// <summary>The value written for <paramref name="key"/> (for a message about it), or null.</summary>
    public YamlNode? ValueOf(string key) => _values.GetValueOrDefault(key);

    /// <summary>A group of keys under <paramref name="key"/>, or null when it is absent or empty (its keys keep their defaults).</summary>
    public ProfileFields? Group(string key, string context, IReadOnlyCollection<string> keys)
    {
        if (!_values.TryGetValue(key, out var value))
        {
            return null;
        }

        if (value is YamlMappingNode mapping)
        {
            return new ProfileFields(mapping, context, keys, _diagnostics);
        }

        _diagnostics.Error(value, $"'{key}' in {_context} must be a mapping of {string.Join(", ", keys)}, not a {YamlNodes.KindOf(value)}");
        return null;
    }

    /// <summary>A share written in percent (0 to 100), as a fraction.</summary>
    public double? Percent(string key) => Scalar(key, "a percentage from 0 to 100") is { } scalar
        ? Number(scalar, $"'{key}' in {_context}", 0, 100, "a percentage from 0 to 100") / 100
        : null;

    /// <summary>
    /// Exactly <paramref name="count"/> numbers from 0 to <paramref name="max"/>, each divided by
    /// <paramref name="divisor"/> (100 for percentages); with <paramref name="total"/>, they must add up to it.
    /// </summary>
    public IReadOnlyList<double>? Figures(string key, int count, double max, double divisor, string what, double? total = null)
    {
        if (!_values.TryGetValue(key, out var value))
        {
            return null;
        }

        var expected = $"a list of {count} {what} from 0 to {max.ToString(CultureInfo.InvariantCulture)}";
        if (value is not YamlSequenceNode list)
        {
            _diagnostics.Error(value, $"'{key}' in {_context} must be {expected}, not a {YamlNodes.KindOf(value)}");
            return null;
        }

        if (list.Children.Count != count)
        {
            _diagnostics.Error(list, $"'{key}' in {_context} has {list.Children.Count} figure(s); expected {expected}");
            return null;
        }

        var figures = new List<double>(count);
        foreach (var item in list.Children)
        {
            if (item is not YamlScalarNode scalar)
            {
                _diagnostics.Error(item, $"a figure of '{key}' in {_context} must be a number, not a {YamlNodes.KindOf(item)}");
                return null;
            }

            if (Number(scalar, $"a figure of '{key}' in {_context}", 0, max, $"{what} from 0 to {max.ToString(CultureInfo.InvariantCulture)}") is not { } figure)
            {
                return null;
            }

            figures.Add(figure);
        }

        if (total is { } sum && Math.Abs(figures.Sum() - sum) > 0.001)
        {
            _diagnostics.Error(list, $"'{key}' in {_context} adds up to {figures.Sum().ToString(CultureInfo.InvariantCulture)}; expected {what} that add up to {sum.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return [.. figures.Select(f => f / divisor)];
    }

    /// <summary>A range SHORTEST-LONGEST (or one figure for both) in seconds or minutes, the shortest not above the longest.</summary>
    public (TimeSpan Shortest, TimeSpan Longest)? Range(string key, TimeSpan unit, string unitName, string example)
    {
        var expected = $"{unitName} as SHORTEST-LONGEST such as {example}";
        if (Scalar(key, expected) is not { Value: { } text } scalar)
        {
            return null;
        }

        var match = RangeText().Match(text);
        if (!match.Success)
        {
            _diagnostics.Error(scalar, $"'{key}' in {_context} is '{text}'; expected {expected}");
            return null;
        }

        var shortest = double.Parse(match.Groups["shortest"].Value, CultureInfo.InvariantCulture);
        var longest = match.Groups["longest"].Success ? double.Parse(match.Groups["longest"].Value, CultureInfo.InvariantCulture) : shortest;
        if (shortest > longest)
        {
            _diagnostics.Error(scalar, $"'{key}' in {_context} is '{text}': the shortest is longer than the longest; expected {expected}");
            return null;
        }

        if (longest * unit.TotalSeconds > TimeSpan.FromDays(1).TotalSeconds)
        {
            _diagnostics.Error(scalar, $"'{key}' in {_context} is '{text}': longer than a day; expected {expected}");
            return null;
        }

        return (unit * shortest, unit * longest);
    }

    /// <summary>A list of extensions (2 to 6 digits not starting with 0), none twice.</summary>
    public IReadOnlyList<string>? Extensions(string key)
    {
        const string Expected = "a list of extensions (2 to 6 digits not starting with 0) such as [2001, 2002]";
        if (!_values.TryGetValue(key, out var value))
        {
            return null;
        }

        if (value is not YamlSequenceNode list)
        {
            _diagnostics.Error(value, $"'{key}' in {_context} must be {Expected}, not a {YamlNodes.KindOf(value)}");
            return null;
        }

        var extensions = new List<string>(list.Children.Count);
        foreach (var item in list.Children)
        {
            if (item is not YamlScalarNode { Value: { } text } || !ExtensionText().IsMatch(text))
            {
                _diagnostics.Error(item, $"'{(item as YamlScalarNode)?.Value}' in '{key}' of {_context} is not an extension; expected {Expected}");
                return null;
            }

            if (extensions.Contains(text))
            {
                _diagnostics.Error(item, $"extension {text} is twice in '{key}' of {_context}; expected each once");
                return null;
            }

            extensions.Add(text);
        }

        return extensions;
    }

    /// <summary>The key's value as a text, or null when absent or not a text (reported).</summary>
    private YamlScalarNode? Scalar(string key, string expected)
    {
        if (!_values.TryGetValue(key, out var value))
        {
            return null;
        }

        if (value is YamlScalarNode scalar)
        {
            return scalar;
        }

        _diagnostics.Error(value, $"'{key}' in {_context} must be {expected}, not a {YamlNodes.KindOf(value)}");
        return null;
    }

    /// <param name="what">Where the number is, for the message ("'key' in the survey").</param>
    private double? Number(YamlScalarNode scalar, string what, double min, double max, string expected)
    {
        if (scalar.Value is { } text && NumberText().IsMatch(text)
            && double.Parse(text, CultureInfo.InvariantCulture) is var value && value >= min && value <= max)
        {
            return value;
        }

        _diagnostics.Error(scalar, $"{what} is '{scalar.Value}'; expected {expected}");
        return null;
    }

    [GeneratedRegex(@"^[0-9]{1,6}(\.[0-9]{1,6})?$")]
    private static partial Regex NumberText();

    [GeneratedRegex(@"^\s*(?<shortest>[0-9]{1,6}(\.[0-9]{1,3})?)\s*(-\s*(?<longest>[0-9]{1,6}(\.[0-9]{1,3})?)\s*)?$")]
    private static partial Regex RangeText();

    [GeneratedRegex("^[1-9][0-9]{1,5}$")]
    private static partial Regex ExtensionText();
}
