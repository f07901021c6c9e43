namespace Omstilling.Benchmarks.MediaLoad;

/// <summary>
/// The clock the pacer stamps packets with and the meter compares arrivals to: wall-clock
/// nanoseconds since 1970, the clock of the kernel's SO_TIMESTAMPNS receive stamps.
/// </summary>
internal static class SendClock
{
    public static long Now() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
}
