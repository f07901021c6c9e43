using System.Text;
using Omstilling.Fuzzing.Engine;

namespace Omstilling.Fuzzing.Mutation;

/// <summary>
/// Mutations of YAML configuration as an administrator's editor (or a bad merge) makes them:
/// indentation off by one or a tab, scalars replaced by values at the edges of what the loaders
/// accept, keys renamed, blocks duplicated or removed, and YAML's own syntax (anchors, aliases,
/// tags, flow collections, document markers) dropped in. Stateless.
/// </summary>
internal static class YamlMutations
{
    public static readonly Mutation[] All = [Indent, ReplaceScalar, ScalarFromOther, RenameKey, InsertSyntax, DuplicateBlock, DeleteBlock, AnchorAndAlias];

    private static readonly byte[][] Scalars = Utf8(
        "", "~", "null", "''", "\"\"", "0", "-1", "1", "2147483648", "99999999999999999999", "1.5", "true", "yes", "no", "on",
        "08:00-25:00", "24:00-08:00", "08:00-12:00, 11:00-13:00", "08:00-", "-08:00", "8:00-16:00", "00:00-24:00", "closed", "mon-sun", "sun-sat", "fri-mon",
        "02-29", "02-30", "13-01", "2026-02-29", "9999-12-31", "0001-01-01", "2026-13-01 25:00", "2026-03-29 02:30", "2026-10-25 02:30",
        "Europe/Copenhagen", "Europe/Nowhere", "../../etc/passwd", "UTC", "Etc/GMT+14", "\0", "[]", "{}", "[a, b]", "{a: b}", "|", ">", "|-\n  x",
        "!!binary aGk=", "!!int x", "!!map {}", "+45 54 73 10 00", "54 73 10 00", "+", "00000000", "99999999", "2001", "operator", "back", "hangup",
        "a@b", "@", "'unterminated", "\"unterminated", "\"\\u0000\"", "#", "[", "{", "- a", "? a", "a: b: c", "\u00e6\u00f8\u00e5", "\t");

    private static readonly byte[][] Syntax = Utf8(
        "&a ", "*a", "*missing", "!!str ", "!!binary ", "? ", "- ", "---\n", "...\n", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "<<: *a\n",
        "[", "]", "{", "}", ",", "|", ">", "'", "\"", "#", "\t", "@", "`", ": ", "-", "\n", "\r", "\ufeff", "\u2028", "\u0085");

    public static byte[]? Indent(byte[] input, MutationContext c)
    {
        var lines = TextLines.Of(input);
        if (lines.Count == 0)
        {
            return null;
        }

        var (start, length) = c.Pick(lines);
        var spaces = 0;
        while (spaces < length && input[start + spaces] == ' ')
        {
            spaces++;
        }

        return c.Random.Next(4) switch
        {
            0 => Edit.Insert(input, start, " "u8),
            1 => Edit.Insert(input, start, "  "u8),
            2 => spaces > 0 ? Edit.Replace(input, start, 1, []) : null,
            _ => spaces > 0 ? Edit.Replace(input, start, Math.Min(spaces, 2), "\t"u8) : Edit.Insert(input, start, "\t"u8),
        };
    }

    public static byte[]? ReplaceScalar(byte[] input, MutationContext c) =>
        ValueOf(input, c) is { } value ? Edit.Replace(input, value.Start, value.Length, c.Pick(Scalars)) : null;

    /// <summary>A value taken from another line of the corpus: a real id, number or time in the wrong place.</summary>
    public static byte[]? ScalarFromOther(byte[] input, MutationContext c)
    {
        var other = c.Other();
        if (ValueOf(input, c) is not { } value || ValueOf(other, c) is not { } donor)
        {
            return null;
        }

        return Edit.Replace(input, value.Start, value.Length, other.AsSpan(donor.Start, donor.Length));
    }

    public static byte[]? RenameKey(byte[] input, MutationContext c)
    {
        if (KeyOf(input, c) is not { } key)
        {
            return null;
        }

        var other = c.Other();
        if (c.OneIn(3) || KeyOf(other, c) is not { } donor)
        {
            return Edit.Replace(input, key.Start, key.Length, c.Pick(Scalars));
        }

        return Edit.Replace(input, key.Start, key.Length, other.AsSpan(donor.Start, donor.Length));
    }

    public static byte[]? InsertSyntax(byte[] input, MutationContext c)
    {
        var lines = TextLines.Of(input);
        if (lines.Count == 0)
        {
            return null;
        }

        var (start, length) = c.Pick(lines);
        var content = TextLines.ContentLength(input, (start, length));
        return Edit.Insert(input, start + c.Random.Next(content + 1), c.Pick(Syntax));
    }

    public static byte[]? DuplicateBlock(byte[] input, MutationContext c) =>
        BlockOf(input, c) is { } block ? Edit.Insert(input, block.Start, input.AsSpan(block.Start, block.Length)) : null;

    public static byte[]? DeleteBlock(byte[] input, MutationContext c) =>
        BlockOf(input, c) is { } block ? Edit.Replace(input, block.Start, block.Length, []) : null;

    /// <summary>An anchor on one value and an alias to it in another (inside it, the alias makes a cycle).</summary>
    public static byte[]? AnchorAndAlias(byte[] input, MutationContext c)
    {
        if (ValueOf(input, c) is not { } target || ValueOf(input, c) is not { } alias || target.Start == alias.Start)
        {
            return null;
        }

        var (first, second) = target.Start < alias.Start ? (target, alias) : (alias, target);
        var anchored = first == target;
        var withSecond = Edit.Replace(input, second.Start, second.Length, anchored ? "*x"u8 : "&x "u8.ToArray().Concat(input.AsSpan(second.Start, second.Length).ToArray()).ToArray());
        return Edit.Replace(withSecond, first.Start, first.Length, anchored ? "&x "u8.ToArray().Concat(input.AsSpan(first.Start, first.Length).ToArray()).ToArray() : "*x"u8);
    }

    /// <summary>The value of a "key: value" or "- value" line (possibly empty, before a comment is not checked).</summary>
    private static (int Start, int Length)? ValueOf(byte[] input, MutationContext c)
    {
        var lines = TextLines.Of(input);
        for (var attempt = 0; attempt < 8 && lines.Count > 0; attempt++)
        {
            var line = c.Pick(lines);
            var content = input.AsSpan(line.Start, TextLines.ContentLength(input, line));
            var colon = content.IndexOf(": "u8);
            var dash = content.TrimStart(" "u8).StartsWith("- "u8) ? content.IndexOf("- "u8) : -1;
            var at = colon >= 0 ? colon + 2 : dash >= 0 ? dash + 2 : content.EndsWith(":"u8) ? content.Length : -1;
            if (at >= 0)
            {
                return (line.Start + at, content.Length - at);
            }
        }

        return null;
    }

    private static (int Start, int Length)? KeyOf(byte[] input, MutationContext c)
    {
        var lines = TextLines.Of(input);
        for (var attempt = 0; attempt < 8 && lines.Count > 0; attempt++)
        {
            var line = c.Pick(lines);
            var content = input.AsSpan(line.Start, TextLines.ContentLength(input, line));
            var indent = content.Length - content.TrimStart(" -"u8).Length;
            var colon = content.IndexOf((byte)':');
            if (colon > indent)
            {
                return (line.Start + indent, colon - indent);
            }
        }

        return null;
    }

    /// <summary>A line and the more indented lines under it.</summary>
    private static (int Start, int Length)? BlockOf(byte[] input, MutationContext c)
    {
        var lines = TextLines.Of(input);
        if (lines.Count == 0)
        {
            return null;
        }

        var first = c.Random.Next(lines.Count);
        var indent = IndentOf(input, lines[first]);
        var last = first;
        while (last + 1 < lines.Count && IndentOf(input, lines[last + 1]) > indent)
        {
            last++;
        }

        return (lines[first].Start, lines[last].Start + lines[last].Length - lines[first].Start);
    }

    private static int IndentOf(byte[] input, (int Start, int Length) line)
    {
        var n = 0;
        while (n < line.Length && input[line.Start + n] == ' ')
        {
            n++;
        }

        return n;
    }

    private static byte[][] Utf8(params string[] texts) => [.. texts.Select(Encoding.UTF8.GetBytes)];
}
