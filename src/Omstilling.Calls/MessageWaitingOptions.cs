namespace Omstilling.Calls;

/// <summary>
/// Message-waiting indication (RFC 3842): how long the phones' subscriptions last, how many are
/// kept, and whether phones that do not subscribe are told anyway. Immutable.
/// </summary>
public sealed record MessageWaitingOptions
{
    /// <summary>A SUBSCRIBE without Expires lasts this long (RFC 3842 §4 suggests an hour).</summary>
    public TimeSpan DefaultExpiry { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Longer requests are shortened to this.</summary>
    public TimeSpan MaxExpiry { get; init; } = TimeSpan.FromHours(2);

    /// <summary>
    /// Shorter (non-zero) requests get 423 Interval Too Brief with Min-Expires: stops a phone that
    /// refreshes every second from making us send a NOTIFY every second.
    /// </summary>
    public TimeSpan MinExpiry { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Subscriptions one account may hold at once (desk phone, softphone, mobile app...); more are
    /// refused 403. Stops one account's phone from filling memory with subscriptions it forgets.
    /// </summary>
    public int MaxPerAccount { get; init; } = 10;

    /// <summary>
    /// Subscriptions the whole platform keeps; more are refused 503. Stops a flood of accounts'
    /// subscriptions from growing memory without bound.
    /// </summary>
    public int MaxSubscriptions { get; init; } = 10_000;

    /// <summary>
    /// On a change to a box nobody subscribes to, send an out-of-dialog NOTIFY to every phone
    /// registered for the box's extension (phones that never SUBSCRIBE, as some desk phones are
    /// set up). Off by default: a phone that does not expect it answers 481 and shows nothing.
    /// </summary>
    public bool Unsolicited { get; init; }
}
