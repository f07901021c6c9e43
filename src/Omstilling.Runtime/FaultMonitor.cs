using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Omstilling.Runtime;

/// <summary>
/// Hands out the process's <see cref="FaultBoundary"/> instances by name (one per name) and lists
/// them with their counts for <c>/api/status</c>. One per process, made at the composition root
/// and passed to what receives outside input; tests make their own. Thread-safe.
/// </summary>
public sealed class FaultMonitor(ILoggerFactory loggerFactory, TimeProvider time, LogBudget? budget = null)
{
    private readonly ConcurrentDictionary<string, FaultBoundary> _boundaries = new(StringComparer.Ordinal);
    private readonly LogBudget _budget = budget ?? LogBudget.Default;

    /// <summary>The boundary called <paramref name="name"/>, made on first use.</summary>
    public FaultBoundary Boundary(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return _boundaries.GetOrAdd(name, static (n, self) => self.Create(n), this);
    }

    /// <summary>Failures contained at every boundary since start.</summary>
    public long Total => _boundaries.Values.Sum(b => b.Count);

    /// <summary>Every boundary made so far with its count, by name.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Counts() =>
        [.. _boundaries.Values.OrderBy(b => b.Name, StringComparer.Ordinal).Select(b => KeyValuePair.Create(b.Name, b.Count))];

    private FaultBoundary Create(string name) => new(name, loggerFactory.CreateLogger("Omstilling.Faults." + name), time, _budget);
}
