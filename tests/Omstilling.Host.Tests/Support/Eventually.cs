namespace Omstilling.Host.Tests.Support;

/// <summary>Waits, bounded (10 s unless told), for something a running server makes true: a log line, an answer from its API, a file.</summary>
internal static class Eventually
{
    public static async Task<bool> ReachedAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    public static Task<bool> ReachedAsync(Func<bool> condition, TimeSpan? within = null) => ReachedAsync(() => Task.FromResult(condition()), within);

    /// <summary>The first non-null answer of <paramref name="probe"/>, asked every 50 ms; a <see cref="TimeoutException"/> after 20 s unless told.</summary>
    public static async Task<T> FoundAsync<T>(Func<Task<T?>> probe, TimeSpan? within = null)
        where T : class
    {
        var limit = within ?? TimeSpan.FromSeconds(20);
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"not there within {limit.TotalSeconds} s");
    }
}
