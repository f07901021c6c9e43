namespace Omstilling.Directory.Searching;

/// <summary>
/// A few reusable <see cref="SearchScratch"/> instances, so that searching allocates nothing but
/// its result. Lock-free: a search takes a slot with an exchange and puts it back with a
/// compare-exchange; when all are taken (more concurrent searches than slots) a new one is made
/// and dropped afterwards. Thread-safe.
/// </summary>
internal sealed class SearchScratchPool(int entities)
{
    private readonly SearchScratch?[] _slots = new SearchScratch?[Math.Clamp(Environment.ProcessorCount, 2, 16)];

    public SearchScratch Rent()
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Interlocked.Exchange(ref _slots[i], null) is { } scratch)
            {
                return scratch;
            }
        }

        return new SearchScratch(entities);
    }

    public void Return(SearchScratch scratch)
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Interlocked.CompareExchange(ref _slots[i], scratch, null) is null)
            {
                return;
            }
        }
    }
}
