namespace Omstilling.Fuzzing.Engine;

/// <summary>
/// What a mutator may use besides its parent: the run's random source (seeded, so a run repeats
/// exactly) and the corpus, for splicing two inputs. Owned by the runner's worker thread.
/// </summary>
public sealed class MutationContext
{
    private readonly IReadOnlyList<byte[]> _corpus;

    public MutationContext(Random random, IReadOnlyList<byte[]> corpus)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(corpus);
        Random = random;
        _corpus = corpus;
    }

    public Random Random { get; }

    /// <summary>Another input of the corpus (a seed or one that showed a new outcome).</summary>
    public byte[] Other() => _corpus[Random.Next(_corpus.Count)];

    /// <summary>A random element of <paramref name="items"/>.</summary>
    public T Pick<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items[Random.Next(items.Count)];
    }

    /// <summary>True with probability 1/<paramref name="n"/>.</summary>
    public bool OneIn(int n) => Random.Next(n) == 0;
}
