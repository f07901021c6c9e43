using Omstilling.Storage.Entities;

namespace Omstilling.History.Reports;

/// <summary>
/// The calls from outside to the main number, by caller, so that "did this caller call the main
/// number again within the window" is a lookup and not a scan of every call (a month has tens of
/// thousands of transfers and of calls). Immutable once built; thread-safe.
/// </summary>
public sealed class CallsAgain
{
    private readonly Dictionary<string, List<(Guid CallId, DateTimeOffset ArrivedAt)>> _byCaller = new(StringComparer.Ordinal);

    /// <param name="laterCallsToMainNumber">Calls from outside to the main number in the period and up to the window after it.</param>
    public CallsAgain(IEnumerable<CallRecord> laterCallsToMainNumber)
    {
        ArgumentNullException.ThrowIfNull(laterCallsToMainNumber);
        foreach (var call in laterCallsToMainNumber)
        {
            if (call.Caller == HistoryRetention.Anonymised)
            {
                continue; // anonymised numbers can no longer be matched
            }

            if (!_byCaller.TryGetValue(call.Caller, out var calls))
            {
                _byCaller[call.Caller] = calls = [];
            }

            calls.Add((call.CallId, call.ArrivedAt));
        }
    }

    /// <summary>
    /// Whether the caller of <paramref name="record"/> called the main number again: a call of
    /// theirs that arrived after this one did, and no later than <paramref name="window"/> after its
    /// end. After its arrival, not after its end: the server stamps a call's end once it has hung
    /// up, so a caller who dials again at once can arrive a few microseconds before (found by the
    /// simulator), and a second call while the first still goes on means the first did not help.
    /// </summary>
    public bool CalledAgain(CallRecord record, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Caller != HistoryRetention.Anonymised
            && _byCaller.TryGetValue(record.Caller, out var calls)
            && calls.Exists(again => again.CallId != record.CallId && again.ArrivedAt > record.ArrivedAt && again.ArrivedAt <= record.EndedAt + window);
    }
}
