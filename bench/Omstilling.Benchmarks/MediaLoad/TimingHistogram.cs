namespace Omstilling.Benchmarks.MediaLoad;

/// <summary>
/// Counts durations in fixed buckets (10 µs wide, up to 1 s) so percentiles cost nothing while
/// packets arrive: recording allocates nothing and is one increment. Not thread-safe.
/// </summary>
internal sealed class TimingHistogram
{
    private const long BucketNs = 10_000;
    private readonly long[] _buckets = new long[100_001];

    public long Count { get; private set; }

    public void Add(long nanoseconds)
    {
        var bucket = Math.Clamp(nanoseconds / BucketNs, 0, _buckets.Length - 1);
        _buckets[bucket]++;
        Count++;
    }

    public void Clear()
    {
        Array.Clear(_buckets);
        Count = 0;
    }

    /// <summary>The upper edge of the bucket holding the <paramref name="p"/> quantile, in milliseconds (0 when empty).</summary>
    public double Percentile(double p)
    {
        var target = (long)Math.Ceiling(Count * p);
        long seen = 0;
        for (var i = 0; i < _buckets.Length && Count > 0; i++)
        {
            seen += _buckets[i];
            if (seen >= target)
            {
                return Milliseconds(i);
            }
        }

        return 0;
    }

    /// <summary>How many durations were longer than <paramref name="milliseconds"/>.</summary>
    public long CountAbove(double milliseconds)
    {
        long n = 0;
        for (var i = (int)Math.Min(_buckets.Length, milliseconds * 1e6 / BucketNs); i < _buckets.Length; i++)
        {
            n += _buckets[i];
        }

        return n;
    }

    public double Max()
    {
        for (var i = _buckets.Length - 1; i >= 0; i--)
        {
            if (_buckets[i] > 0)
            {
                return Milliseconds(i);
            }
        }

        return 0;
    }

    private static double Milliseconds(int bucket) => (bucket + 1) * BucketNs / 1e6;
}
