using Omstilling.Simulator.Phones;

namespace Omstilling.Simulator.Running;

/// <summary>Waiting as a person on a phone waits: for a while, or until the other side leaves.</summary>
internal static class CallWaits
{
    /// <summary>Whether the call ends (the other side leaves) within the time.</summary>
    public static async Task<bool> EndsWithinAsync(this SimulatedCall call, TimeSpan within, TimeProvider time, CancellationToken cancellationToken)
    {
        var waited = await Task.WhenAny(call.Ended, Task.Delay(within, time, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        return waited == call.Ended;
    }
}
