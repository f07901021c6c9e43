using Omstilling.Simulator.Phones;

namespace Omstilling.Simulator.Running;

/// <summary>
/// Where the synthetic operators transfer from, as a real operator does beside their phone or with
/// its transfer key. Inside the server (<c>run --demo --simulate</c>, tests) it can be the
/// switchboard's own control; against any server, the operator's phone itself (<see cref="PhoneConsole"/>: REFER).
/// </summary>
public interface IOperatorConsole
{
    /// <summary>
    /// Puts the caller on <paramref name="operatorCall"/> (the operator's phone's call with them, answered and
    /// talking) through to <paramref name="target"/> (blind); false when that could not be done and
    /// the operator still has the caller.
    /// </summary>
    Task<bool> TransferAsync(string operatorExtension, IncomingCall operatorCall, string target, CancellationToken cancellationToken);
}
