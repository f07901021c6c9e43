using System.Collections.Concurrent;

namespace Omstilling.Simulator.Running;

/// <summary>The calls in progress by the caller's number, for the staff's phones to look up. Thread-safe.</summary>
internal sealed class CitizenLines
{
    private readonly ConcurrentDictionary<string, CitizenLine> _lines = new(StringComparer.Ordinal);

    public void Add(CitizenLine line) => _lines[line.Call.Caller] = line;

    public void Remove(CitizenLine line) => _lines.TryRemove(new KeyValuePair<string, CitizenLine>(line.Call.Caller, line));

    /// <summary>The call of this caller, or null for someone the script does not know (a person calling the demo for real).</summary>
    public CitizenLine? Of(string caller) => _lines.GetValueOrDefault(caller);
}
