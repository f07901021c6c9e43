using System.Buffers.Binary;
using Omstilling.Fuzzing.Engine;

namespace Omstilling.Fuzzing.Mutation;

/// <summary>
/// Mutations that know nothing of the format: bit flips, every byte value, insertion, deletion,
/// duplication, truncation, splicing two inputs, numbers at their limits (binary and decimal) and
/// overlong repeats. Stateless.
/// </summary>
internal static class ByteMutations
{
    public static readonly Mutation[] All =
    [
        FlipBit, SetByte, SetInterestingByte, InsertByte, DeleteRange, DuplicateRange, Truncate, Splice,
        SetInteresting16, SetInteresting32, InsertNumberText, ReplaceDigits, RepeatChunk,
    ];

    public static byte[]? FlipBit(byte[] input, MutationContext c)
    {
        if (input.Length == 0)
        {
            return null;
        }

        var copy = (byte[])input.Clone();
        copy[c.Random.Next(copy.Length)] ^= (byte)(1 << c.Random.Next(8));
        return copy;
    }

    /// <summary>Any of the 256 byte values at a random position.</summary>
    public static byte[]? SetByte(byte[] input, MutationContext c)
    {
        if (input.Length == 0)
        {
            return null;
        }

        var copy = (byte[])input.Clone();
        copy[c.Random.Next(copy.Length)] = (byte)c.Random.Next(256);
        return copy;
    }

    public static byte[]? SetInterestingByte(byte[] input, MutationContext c)
    {
        if (input.Length == 0)
        {
            return null;
        }

        var copy = (byte[])input.Clone();
        copy[c.Random.Next(copy.Length)] = c.Pick(Interesting.Bytes);
        return copy;
    }

    public static byte[]? InsertByte(byte[] input, MutationContext c) =>
        Edit.Insert(input, c.Random.Next(input.Length + 1), [(byte)c.Random.Next(256)]);

    public static byte[]? DeleteRange(byte[] input, MutationContext c)
    {
        if (input.Length == 0)
        {
            return null;
        }

        var at = c.Random.Next(input.Length);
        var length = 1 + c.Random.Next(Math.Min(input.Length - at, c.OneIn(4) ? 256 : 8));
        return Edit.Replace(input, at, length, []);
    }

    public static byte[]? DuplicateRange(byte[] input, MutationContext c)
    {
        if (input.Length == 0)
        {
            return null;
        }

        var at = c.Random.Next(input.Length);
        var length = 1 + c.Random.Next(Math.Min(input.Length - at, 64));
        return Edit.Insert(input, c.Random.Next(input.Length + 1), input.AsSpan(at, length));
    }

    public static byte[]? Truncate(byte[] input, MutationContext c) =>
        input.Length == 0 ? null : input[..c.Random.Next(input.Length)];

    /// <summary>The head of this input joined to the tail of another.</summary>
    public static byte[]? Splice(byte[] input, MutationContext c)
    {
        var other = c.Other();
        if (input.Length == 0 || other.Length == 0)
        {
            return null;
        }

        var head = c.Random.Next(input.Length + 1);
        var tail = c.Random.Next(other.Length + 1);
        return [.. input.AsSpan(0, head), .. other.AsSpan(tail)];
    }

    public static byte[]? SetInteresting16(byte[] input, MutationContext c)
    {
        if (input.Length < 2)
        {
            return null;
        }

        var copy = (byte[])input.Clone();
        var span = copy.AsSpan(c.Random.Next(copy.Length - 1), 2);
        var value = c.Pick(Interesting.Shorts);
        if (c.OneIn(2))
        {
            BinaryPrimitives.WriteUInt16BigEndian(span, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span, value);
        }

        return copy;
    }

    public static byte[]? SetInteresting32(byte[] input, MutationContext c)
    {
        if (input.Length < 4)
        {
            return null;
        }

        var copy = (byte[])input.Clone();
        var span = copy.AsSpan(c.Random.Next(copy.Length - 3), 4);
        var value = c.Pick(Interesting.Ints);
        if (c.OneIn(2))
        {
            BinaryPrimitives.WriteUInt32BigEndian(span, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span, value);
        }

        return copy;
    }

    public static byte[]? InsertNumberText(byte[] input, MutationContext c) =>
        Edit.Insert(input, c.Random.Next(input.Length + 1), c.Pick(Interesting.NumberBytes));

    /// <summary>A run of ASCII digits replaced by a number at some limit.</summary>
    public static byte[]? ReplaceDigits(byte[] input, MutationContext c)
    {
        var runs = new List<(int Start, int Length)>();
        for (var i = 0; i < input.Length; i++)
        {
            if (!char.IsAsciiDigit((char)input[i]))
            {
                continue;
            }

            var start = i;
            while (i < input.Length && char.IsAsciiDigit((char)input[i]))
            {
                i++;
            }

            runs.Add((start, i - start));
        }

        if (runs.Count == 0)
        {
            return null;
        }

        var (at, length) = c.Pick(runs);
        return Edit.Replace(input, at, length, c.Pick(Interesting.NumberBytes));
    }

    /// <summary>A chunk repeated until the input is several kilobytes longer (overlong values, deep nesting).</summary>
    public static byte[]? RepeatChunk(byte[] input, MutationContext c)
    {
        if (input.Length == 0)
        {
            return null;
        }

        var at = c.Random.Next(input.Length);
        var length = 1 + c.Random.Next(Math.Min(input.Length - at, 16));
        var times = c.Pick(RepeatCounts);
        var chunk = input.AsSpan(at, length);
        var repeated = new byte[chunk.Length * times];
        for (var i = 0; i < times; i++)
        {
            chunk.CopyTo(repeated.AsSpan(i * chunk.Length));
        }

        return Edit.Insert(input, at, repeated);
    }

    private static readonly int[] RepeatCounts = [2, 16, 128, 1024, 9000];
}
