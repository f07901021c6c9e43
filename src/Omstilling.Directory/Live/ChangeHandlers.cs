namespace Omstilling.Directory.Live;

/// <summary>How the live books (absence, forwarding) tell their <c>Changed</c> handlers: each in turn, outside the book's lock.</summary>
internal static class ChangeHandlers
{
    /// <summary>Calls every handler with the id; one that throws is reported to <paramref name="failed"/> and the rest still run (a subscriber's bug must not stop the others or kill a timer thread).</summary>
    public static void Raise(Action<string>? handlers, string id, Action<Exception, string> failed)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList())
        {
            try
            {
                ((Action<string>)handler)(id);
            }
#pragma warning disable CA1031 // Any handler's failure is reported, whatever it is.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failed(e, id);
            }
        }
    }
}
