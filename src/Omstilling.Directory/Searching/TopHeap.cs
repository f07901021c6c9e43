namespace Omstilling.Directory.Searching;

/// <summary>A binary min-heap over a span of keys (the smallest kept key at [0]). Allocates nothing.</summary>
internal static class TopHeap
{
    public static void Push(Span<long> heap, ref int size, long key)
    {
        var i = size++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (heap[parent] <= key)
            {
                break;
            }

            heap[i] = heap[parent];
            i = parent;
        }

        heap[i] = key;
    }

    /// <summary>Replaces the smallest key and restores the heap.</summary>
    public static void ReplaceRoot(Span<long> heap, int size, long key)
    {
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= size)
            {
                break;
            }

            if (child + 1 < size && heap[child + 1] < heap[child])
            {
                child++;
            }

            if (heap[child] >= key)
            {
                break;
            }

            heap[i] = heap[child];
            i = child;
        }

        heap[i] = key;
    }
}
