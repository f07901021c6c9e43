namespace Omstilling.Fuzzing.Mutation;

/// <summary>Array edits that every mutation is made of; each returns a new array.</summary>
internal static class Edit
{
    public static byte[] Insert(byte[] input, int at, ReadOnlySpan<byte> bytes) =>
        [.. input.AsSpan(0, at), .. bytes, .. input.AsSpan(at)];

    public static byte[] Replace(byte[] input, int at, int length, ReadOnlySpan<byte> bytes) =>
        [.. input.AsSpan(0, at), .. bytes, .. input.AsSpan(at + length)];

    /// <summary>The index of the first occurrence of <paramref name="value"/> at or after <paramref name="from"/>, or -1.</summary>
    public static int IndexOf(byte[] input, ReadOnlySpan<byte> value, int from)
    {
        var i = input.AsSpan(from).IndexOf(value);
        return i < 0 ? -1 : from + i;
    }
}
