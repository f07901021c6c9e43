namespace Omstilling.Host.Cli;

/// <summary>Runs an action once when disposed: undoes a subscription at the end of a <c>using</c> scope.</summary>
internal sealed class Unsubscriber(Action undo) : IDisposable
{
    private Action? _undo = undo;

    public void Dispose() => Interlocked.Exchange(ref _undo, null)?.Invoke();
}
