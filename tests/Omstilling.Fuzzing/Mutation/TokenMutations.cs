using Omstilling.Fuzzing.Engine;

namespace Omstilling.Fuzzing.Mutation;

/// <summary>Mutations of one-line values (a URI, a Via): grammar tokens and punctuation inserted, or put in place of a stretch.</summary>
internal static class TokenMutations
{
    public static Mutation[] For(byte[][] tokens, byte[] punctuation) =>
    [
        (input, c) => Edit.Insert(input, c.Random.Next(input.Length + 1), c.Pick(tokens)),
        (input, c) =>
        {
            var at = c.Random.Next(input.Length + 1);
            var length = c.Random.Next(Math.Min(input.Length - at, 12) + 1);
            return Edit.Replace(input, at, length, c.Pick(tokens));
        },
        (input, c) => Edit.Insert(input, c.Random.Next(input.Length + 1), [c.Pick(punctuation)]),
        (input, c) =>
        {
            if (input.Length == 0)
            {
                return null;
            }

            var copy = (byte[])input.Clone();
            copy[c.Random.Next(copy.Length)] = c.Pick(punctuation);
            return copy;
        },
    ];
}
