namespace Omstilling.Fuzzing.Mutation;

/// <summary>The lines of a text input, each with its terminator (LF, CRLF or none at the end).</summary>
internal static class TextLines
{
    public static List<(int Start, int Length)> Of(byte[] input)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        while (start < input.Length)
        {
            var lf = input.AsSpan(start).IndexOf((byte)'\n');
            var length = lf < 0 ? input.Length - start : lf + 1;
            lines.Add((start, length));
            start += length;
        }

        return lines;
    }

    /// <summary>The line's length without its CR LF or LF.</summary>
    public static int ContentLength(byte[] input, (int Start, int Length) line)
    {
        var end = line.Start + line.Length;
        while (end > line.Start && input[end - 1] is (byte)'\n' or (byte)'\r')
        {
            end--;
        }

        return end - line.Start;
    }
}
