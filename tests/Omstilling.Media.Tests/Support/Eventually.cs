namespace Omstilling.Media.Tests.Support;

/// <summary>Waits, bounded, for something other threads make true (packets arriving, a clock lane ticking).</summary>
internal static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds; false once <paramref name="within"/> (5 s by default) has passed.</summary>
    public static async Task<bool> ReachedAsync(Func<bool> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(5));
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        return condition();
    }
}
