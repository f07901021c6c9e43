using System.Collections.Immutable;
using Omstilling.Policy.Outbound;
using Omstilling.Yaml;
using YamlDotNet.RepresentationModel;

namespace Omstilling.Policy.Loading;

/// <summary>
/// The <c>outbound:</c> section, the toll-fraud rule (<see cref="OutboundPermission"/>): which E.164
/// prefixes calls may go out to (<c>allow</c>), which Danish prefixes are local (<c>local</c>) and
/// which are premium-rate (<c>premium</c>, default 90).
/// </summary>
internal sealed partial class PolicyParser
{
    private static readonly string[] OutboundKeys = ["allow", "local", "premium"];

    /// <summary>E.164 has at most 15 digits; a pattern is a prefix of one.</summary>
    private const int MaxPatternDigits = 15;

    /// <summary>A prefix of 8 national digits is shorter than the number.</summary>
    private const int MaxPrefixDigits = 7;

    private void ParseOutbound(YamlMappingNode node)
    {
        var map = new YamlMap(node, "outbound", OutboundKeys, _diagnostics);
        var allow = map.Has("allow")
            ? Items(map, "allow", "a list of number patterns such as [\"+45\", \"+46\"]", IsPattern, "a number pattern; expected '+' and 1 to 15 digits, e.g. +45 (every Danish number) or +46 (Sweden)")
            : OutboundPermission.DefaultAllow;
        var local = Items(map, "local", "a list of prefixes of Danish numbers such as [\"54\"]", IsPrefix, "a prefix of Danish numbers; expected 1 to 7 digits, e.g. 54");
        var premium = map.Has("premium")
            ? Items(map, "premium", "a list of prefixes of Danish numbers such as [\"90\"]", IsPrefix, "a prefix of Danish numbers; expected 1 to 7 digits, e.g. 90")
            : OutboundPermission.DefaultPremiumPrefixes;
        _draft.Outbound = new OutboundPermission(allow, local, premium);
    }

    private ImmutableArray<string> Items(YamlMap map, string key, string expected, Func<string, bool> valid, string what)
    {
        if (map.Sequence(key, expected) is not { } sequence)
        {
            return [];
        }

        var items = ImmutableArray.CreateBuilder<string>();
        foreach (var item in sequence)
        {
            if (item is not YamlScalarNode { Value: { } text })
            {
                _diagnostics.Error(item, $"outbound: each item of '{key}' must be a text, not a {YamlNodes.KindOf(item)}; expected {expected}");
            }
            else if (!valid(text))
            {
                _diagnostics.Error(item, $"outbound: '{text}' in '{key}' is not {what}");
            }
            else if (items.Contains(text))
            {
                _diagnostics.Error(item, $"outbound: '{text}' is twice in '{key}'; expected each once");
            }
            else
            {
                items.Add(text);
            }
        }

        return items.ToImmutable();
    }

    private static bool IsPattern(string text) =>
        text.Length is >= 2 and <= MaxPatternDigits + 1 && text[0] == '+' && text[1] != '0' && !text.AsSpan(1).ContainsAnyExceptInRange('0', '9');

    private static bool IsPrefix(string text) =>
        text.Length is >= 1 and <= MaxPrefixDigits && !text.AsSpan().ContainsAnyExceptInRange('0', '9');
}
