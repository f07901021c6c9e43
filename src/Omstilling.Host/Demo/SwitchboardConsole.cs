using Omstilling.Calls.Control;
using Omstilling.Simulator.Running;

namespace Omstilling.Host.Demo;

/// <summary>The simulated operators' console inside the server: the switchboard's own control, as the web console uses it.</summary>
internal sealed class SwitchboardConsole(ISwitchboardControl control) : IOperatorConsole
{
    public async Task<bool> TransferAsync(string operatorExtension, string callerNumber, string target, CancellationToken cancellationToken)
    {
        var call = control.CallsInvolving(operatorExtension).FirstOrDefault(c => c.Caller == callerNumber && c.AnsweredBy == operatorExtension);
        return call is not null
            && await control.BlindTransferAsync(call.Id, operatorExtension, target, targetName: null, announceName: false, cancellationToken) == CallControlResult.Done;
    }
}
