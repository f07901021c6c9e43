namespace Omstilling.Fuzzing.Mutation;

/// <summary>One header line: content from <see cref="Start"/> for <see cref="Length"/> bytes; <see cref="Colon"/> is absolute, -1 when absent.</summary>
internal readonly record struct HeaderLine(int Start, int Length, int Colon)
{
    public int End => Start + Length;

    public int NameLength => Colon < 0 ? Length : Colon - Start;

    public int ValueStart => Colon < 0 ? End : Colon + 1;

    public int ValueLength => End - ValueStart;
}
