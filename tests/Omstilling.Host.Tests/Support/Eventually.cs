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
}
