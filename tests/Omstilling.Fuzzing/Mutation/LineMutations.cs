using Omstilling.Fuzzing.Engine;

namespace Omstilling.Fuzzing.Mutation;

/// <summary>
/// Mutations of line-based text (SIP headers, SDP, YAML, INFO bodies): lines removed, duplicated,
/// swapped, borrowed from another input, cut at a line, and their line ends changed. Stateless.
/// </summary>
internal static class LineMutations
{
    public static readonly Mutation[] All = [DeleteLine, DuplicateLine, SwapLines, InsertOtherLine, CutAtLine, ChangeLineEnd];

    private static readonly byte[][] LineEnds = ["\n"u8.ToArray(), "\r"u8.ToArray(), "\r\r\n"u8.ToArray(), "\r\n\r\n"u8.ToArray(), []];

    public static byte[]? DeleteLine(byte[] input, MutationContext c)
    {
        var lines = TextLines.Of(input);
        if (lines.Count == 0)
        {
            return null;
        }

        var (start, length) = c.Pick(lines);
        return Edit.Replace(input, start, length, []);
    }

    public static byte[]? DuplicateLine(byte[] input, MutationContext c)
    {
        var lines = TextLines.Of(input);
        if (lines.Count == 0)
        {
            return null;
        }

        var (start, length) = c.Pick(lines);
        var times = c.OneIn(8) ? 300 : 1;
        var copies = new byte[length * times];
        for (var i = 0; i < times; i++)
        {
            input.AsSpan(start, length).CopyTo(copies.AsSpan(i * length));
        }

        return Edit.Insert(input, start, copies);
    }

    public static byte[]? SwapLines(byte[] input, MutationContext c)
    {
        var lines = TextLines.Of(input);
        if (lines.Count < 2)
        {
            return null;
        }

        var a = c.Random.Next(lines.Count);
        var b = c.Random.Next(lines.Count);
        if (a == b)
        {
            return null;
        }

        var parts = lines.Select(l => input.AsSpan(l.Start, l.Length).ToArray()).ToArray();
        (parts[a], parts[b]) = (parts[b], parts[a]);
        return [.. parts.SelectMany(p => p)];
    }

    public static byte[]? InsertOtherLine(byte[] input, MutationContext c)
    {
        var other = c.Other();
        var otherLines = TextLines.Of(other);
        if (otherLines.Count == 0)
        {
            return null;
        }

        var (start, length) = c.Pick(otherLines);
        var lines = TextLines.Of(input);
        var at = lines.Count == 0 ? 0 : c.Pick(lines).Start;
        return Edit.Insert(input, at, other.AsSpan(start, length));
    }

    public static byte[]? CutAtLine(byte[] input, MutationContext c)
    {
        var lines = TextLines.Of(input);
        return lines.Count < 2 ? null : input[..c.Pick(lines).Start];
    }

    public static byte[]? ChangeLineEnd(byte[] input, MutationContext c)
    {
        var lines = TextLines.Of(input);
        if (lines.Count == 0)
        {
            return null;
        }

        var line = c.Pick(lines);
        var content = TextLines.ContentLength(input, line);
        return Edit.Replace(input, line.Start + content, line.Length - content, c.Pick(LineEnds));
    }
}
