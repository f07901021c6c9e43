namespace Omstilling.Simulator.Running;

/// <summary>
/// The console the synthetic operators transfer from, as a real operator does beside their phone.
/// Inside the server (<c>run --demo --simulate</c>, tests) it is the switchboard's own control;
/// a simulator against a remote server has none, and its operators help callers alone.
/// </summary>
public interface IOperatorConsole
{
    /// <summary>Puts the caller the operator is talking with through to <paramref name="target"/> (blind); false when that could not be done.</summary>
    Task<bool> TransferAsync(string operatorExtension, string callerNumber, string target, CancellationToken cancellationToken);
}
