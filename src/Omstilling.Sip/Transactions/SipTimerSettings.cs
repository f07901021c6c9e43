namespace Omstilling.Sip.Transactions;

/// <summary>
/// The base timer values of RFC 3261 §17.1.1.1 and the timers derived from them (table 4 of §A).
/// Immutable.
/// </summary>
public sealed record SipTimerSettings
{
    public static SipTimerSettings Default { get; } = new();

    /// <summary>RTT estimate, 500 ms.</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Maximum retransmit interval for non-INVITE requests and INVITE responses, 4 s.</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Maximum duration a message remains in the network, 5 s.</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Timers B, F, H, J, L and M: 64*T1 (32 s).</summary>
    public TimeSpan TransactionTimeout => T1 * 64;

    /// <summary>Timer D: wait time for response retransmissions, at least 32 s over UDP.</summary>
    public TimeSpan TimerD => TimeSpan.FromSeconds(Math.Max(32, TransactionTimeout.TotalSeconds));

    /// <summary>The next retransmission interval: doubled, capped at T2 (timers E and G; A is uncapped).</summary>
    public TimeSpan Backoff(TimeSpan interval, bool capAtT2) =>
        capAtT2 ? TimeSpan.FromTicks(Math.Min((interval * 2).Ticks, T2.Ticks)) : interval * 2;
}
