using Omstilling.Calls.Events;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// The last call put through to each person (a completed transfer), so the person can mark it
/// "fejlstillet" from the phone during the call or just after it (<see cref="Routing.DialPlan.MisroutedCode"/>).
/// Fed by the engine's events as they are posted; one entry per extension. Thread-safe.
/// </summary>
internal sealed class RecentTransfers
{
    /// <summary>How long after the transfer its target may still mark it from the phone.</summary>
    public static readonly TimeSpan MarkWithin = TimeSpan.FromMinutes(15);

    private readonly Lock _sync = new();
    private readonly Dictionary<string, CallEvent> _last = new(StringComparer.Ordinal);

    public void OnEvent(CallEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Kind == CallEventKind.TransferCompleted && e.Party is { } target)
        {
            lock (_sync)
            {
                _last[target] = e;
            }
        }
    }

    /// <summary>The transfer to <paramref name="extension"/> completed no more than <see cref="MarkWithin"/> before <paramref name="now"/>, or null.</summary>
    public CallEvent? LastTo(string extension, DateTimeOffset now)
    {
        lock (_sync)
        {
            return _last.TryGetValue(extension, out var e) && now - e.At <= MarkWithin ? e : null;
        }
    }
}
