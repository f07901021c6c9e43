using System.Collections.Concurrent;
using Omstilling.Calendars.Graph;

namespace Omstilling.Calendars.Tests;

/// <summary>The tests' tokens for the local Graph server: t1, t2, …, a new one only when asked to renew; what was asked is kept.</summary>
internal sealed class GraphTestTokens : IGraphTokenSource
{
    private int _issued = 1;

    public ConcurrentQueue<bool> AskedQueue { get; } = new();

    public IReadOnlyList<bool> Asked => [.. AskedQueue];

    public ValueTask<string> GetTokenAsync(bool renew, CancellationToken cancellationToken)
    {
        AskedQueue.Enqueue(renew);
        return ValueTask.FromResult("t" + (renew ? Interlocked.Increment(ref _issued) : Volatile.Read(ref _issued)));
    }
}
