namespace Omstilling.Calls.Events;

/// <summary>
/// Where consumers outside the engine (the console board, the status log, history and metrics)
/// take the call events: in the order each call made them, on the dispatcher's own thread, never
/// under a call's lock. A consumer must be quick; one that throws is contained and the others
/// still get the event. Thread-safe.
/// </summary>
public interface ICallEvents
{
    /// <summary>Delivers every event from now on to <paramref name="consumer"/> until the subscription is disposed.</summary>
    /// <param name="name">Who consumes, for the log when it fails.</param>
    IDisposable Subscribe(string name, Action<CallEvent> consumer);
}
