using System.Collections.Concurrent;
using Omstilling.Calls.Signalling;

namespace Omstilling.Calls.Tests.Parts;

/// <summary>
/// <see cref="KeyQueue"/>: keys from the receive threads are handled off those threads, one at a
/// time, in the order they came, none lost, however many threads put keys on it at once.
/// </summary>
public sealed class KeyQueueTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public void Keys_are_handled_in_order_off_the_thread_that_put_them_which_never_waits_for_the_handler()
    {
        using var gate = new ManualResetEventSlim();
        using var all = new CountdownEvent(3);
        var handled = new ConcurrentQueue<(CallSide Side, char Key, int Thread)>();
        var queue = new KeyQueue((side, key) =>
        {
            Assert.True(gate.Wait(Bound));
            handled.Enqueue((side, key, Environment.CurrentManagedThreadId));
            all.Signal();
        });

        queue.Enqueue(CallSide.Caller, '1');
        queue.Enqueue(CallSide.Callee, '2');
        queue.Enqueue(CallSide.Caller, '3');
        Assert.Empty(handled); // the first key's handler waits at the gate; putting keys did not

        gate.Set();
        Assert.True(all.Wait(Bound));

        Assert.Equal([(CallSide.Caller, '1'), (CallSide.Callee, '2'), (CallSide.Caller, '3')], handled.Select(h => (h.Side, h.Key)));
        Assert.DoesNotContain(handled, h => h.Thread == Environment.CurrentManagedThreadId);
    }

    [Fact]
    public void Keys_from_several_threads_at_once_are_handled_one_at_a_time_each_threads_in_its_order()
    {
        const int threads = 4;
        const int keysEach = 250;
        using var all = new CountdownEvent(threads * keysEach);
        using var start = new Barrier(threads);
        var handled = new ConcurrentQueue<(int Thread, int Index)>();
        var inside = 0;
        var most = 0;
        var queue = new KeyQueue((_, key) =>
        {
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref most, now);
            handled.Enqueue((key / 1000, key % 1000));
            Thread.SpinWait(20);
            Interlocked.Decrement(ref inside);
            all.Signal();
        });

        var producers = Enumerable.Range(1, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait(Bound);
            for (var i = 0; i < keysEach; i++)
            {
                queue.Enqueue(t % 2 == 0 ? CallSide.Caller : CallSide.Callee, (char)((t * 1000) + i));
            }
        })).ToList();
        producers.ForEach(p => p.Start());
        Assert.True(all.Wait(Bound), $"{handled.Count} of {threads * keysEach} keys handled");
        Assert.All(producers, p => Assert.True(p.Join(Bound)));

        Assert.Equal(1, most);
        Assert.Equal(threads * keysEach, handled.Count);
        foreach (var group in handled.GroupBy(h => h.Thread))
        {
            Assert.Equal(Enumerable.Range(0, keysEach), group.Select(h => h.Index));
        }
    }

    /// <summary>A key put on the queue while the last drain is ending must start a new drain, not wait for the next key.</summary>
    [Fact]
    public void A_key_that_comes_as_the_last_drain_ends_is_not_left_behind()
    {
        const int rounds = 2000;
        using var handled = new SemaphoreSlim(0);
        using var together = new Barrier(2);
        var queue = new KeyQueue((_, _) => handled.Release());
        var other = new Thread(() =>
        {
            for (var round = 0; round < rounds; round++)
            {
                together.SignalAndWait(Bound);
                queue.Enqueue(CallSide.Callee, '#');
            }
        });
        other.Start();

        for (var round = 0; round < rounds; round++)
        {
            together.SignalAndWait(Bound);
            queue.Enqueue(CallSide.Caller, '1');
            Assert.True(handled.Wait(Bound) && handled.Wait(Bound), $"both keys of round {round} were handled");
        }

        Assert.True(other.Join(Bound));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
