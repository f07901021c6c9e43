namespace Omstilling.Fuzzing.Mutation;

/// <summary>The deterministic sweeps every target starts with: every truncation and every byte value at chosen places.</summary>
internal static class Systematic
{
    /// <summary>The input cut at every offset, shortest first.</summary>
    public static IEnumerable<byte[]> EveryTruncation(byte[] input)
    {
        for (var length = 0; length < input.Length; length++)
        {
            yield return input[..length];
        }
    }

    /// <summary>Each of the 256 byte values written over, and inserted before, each position.</summary>
    public static IEnumerable<byte[]> EveryByteAt(byte[] input, IEnumerable<int> positions)
    {
        foreach (var at in positions.Distinct())
        {
            for (var b = 0; b < 256; b++)
            {
                yield return Edit.Insert(input, at, [(byte)b]);
                if (at < input.Length)
                {
                    var copy = (byte[])input.Clone();
                    copy[at] = (byte)b;
                    yield return copy;
                }
            }
        }
    }

    /// <summary>Each of the 256 byte values in place of the range (a whole header name, a whole number).</summary>
    public static IEnumerable<byte[]> EveryByteInstead(byte[] input, int at, int length)
    {
        for (var b = 0; b < 256; b++)
        {
            yield return Edit.Replace(input, at, length, [(byte)b]);
        }
    }

    /// <summary>Each interesting number in place of the range.</summary>
    public static IEnumerable<byte[]> EveryNumberInstead(byte[] input, int at, int length) =>
        Interesting.NumberBytes.Select(n => Edit.Replace(input, at, length, n));

    /// <summary>The starts and lengths of runs of ASCII digits in [start, end).</summary>
    public static IEnumerable<(int Start, int Length)> DigitRuns(byte[] input, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsAsciiDigit((char)input[i]))
            {
                continue;
            }

            var first = i;
            while (i < end && char.IsAsciiDigit((char)input[i]))
            {
                i++;
            }

            yield return (first, i - first);
        }
    }
}
