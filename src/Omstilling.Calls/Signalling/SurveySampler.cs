namespace Omstilling.Calls.Signalling;

/// <summary>
/// Picks which callers the post-call survey invites: each with the policy's share as its chance,
/// independently. Seeded for a repeatable day (<see cref="CallOptions.SurveySeed"/>). Thread-safe.
/// </summary>
internal sealed class SurveySampler(int? seed)
{
    private readonly Lock _sync = new();
    private readonly Random _random = seed is { } s ? new Random(s) : new Random();

    /// <summary>Whether this caller is invited when <paramref name="percent"/> of callers are.</summary>
    public bool Picks(int percent)
    {
        if (percent <= 0)
        {
            return false;
        }

        if (percent >= 100)
        {
            return true;
        }

        lock (_sync)
        {
#pragma warning disable CA5394 // Sampling callers for a survey is not security.
            return _random.Next(100) < percent;
#pragma warning restore CA5394
        }
    }
}
