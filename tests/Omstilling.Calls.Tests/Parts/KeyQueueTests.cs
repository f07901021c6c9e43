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
    public void Keys_are_handled_in_order_one_at_a_time_off_the_thread_that_put_them_which_never_waits_for_the_handler()
    {
        // Not disposed: a handler that runs late (when this test fails) must find them still there, not crash the test host.
        var gate = new ManualResetEventSlim();
        var firstIn = new ManualResetEventSlim();
        var secondIn = new ManualResetEventSlim();
        var all = new CountdownEvent(3);
        var entered = 0;
        var handled = new ConcurrentQueue<(CallSide Side, char Key, int Thread)>();
        var queue = new KeyQueue((side, key) =>
        {
            (Interlocked.Increment(ref entered) == 1 ? firstIn : secondIn).Set();
            gate.Wait(Bound);
            handled.Enqueue((side, key, Environment.CurrentManagedThreadId));
            all.Signal();
        });

        // Free pool threads at once (not after the pool's slow injection): a second handler, were one started, would run now.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 8), io);
        try
        {
            queue.Enqueue(CallSide.Caller, '1');
            queue.Enqueue(CallSide.Callee, '2');
            queue.Enqueue(CallSide.Caller, '3');

            // Putting the keys did not wait for the first key's handler, which is held at the gate; no other key is handled meanwhile.
            Assert.True(firstIn.Wait(Bound));
            Assert.False(secondIn.Wait(TimeSpan.FromMilliseconds(200)), "a second key was handled while the first one's handler ran");
            Assert.Empty(handled);
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, io);
            gate.Set();
        }

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
            Thread.SpinWait(500); // long enough for a second handler, were there one, to overlap
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

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
