namespace Omstilling.Host.Tests.Support;

/// <summary>Waits, bounded (10 s), for something a running server makes true: a log line, an answer from its API.</summary>
internal static class Eventually
{
    public static async Task<bool> ReachedAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
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

    public static Task<bool> ReachedAsync(Func<bool> condition) => ReachedAsync(() => Task.FromResult(condition()));
}
