using Omstilling.Calls.Control;
using Omstilling.Simulator.Phones;
using Omstilling.Simulator.Running;

namespace Omstilling.Host.Demo;

/// <summary>The simulated operators' console inside the server: the switchboard's own control, as the web console uses it.</summary>
internal sealed class SwitchboardConsole(ISwitchboardControl control) : IOperatorConsole
{
    public async Task<bool> TransferAsync(string operatorExtension, IncomingCall operatorCall, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operatorCall);
        var served = control.CallsInvolving(operatorExtension).FirstOrDefault(c => c.Caller == operatorCall.CallerNumber && c.AnsweredBy == operatorExtension);
        return served is not null
            && await control.BlindTransferAsync(served.Id, operatorExtension, target, targetName: null, announceName: false, cancellationToken) == CallControlResult.Done;
    }
}
