using Microsoft.Extensions.Logging;
using Omstilling.Simulator.Phones;

namespace Omstilling.Simulator.Running;

/// <summary>
/// The operators transfer from their own phones, as a desk phone's transfer key does: a REFER in
/// the call's dialog (docs/transfers.md), so a simulator against a remote server has transfers
/// too (<c>omstilling simulate</c>). The server then releases the operator's leg (BYE); a transfer
/// nobody answers comes back to the operator's phone as a new call (or to the switchboard's queue).
/// </summary>
public sealed partial class PhoneConsole(ILogger<PhoneConsole> logger) : IOperatorConsole
{
    public async Task<bool> TransferAsync(string operatorExtension, IncomingCall operatorCall, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operatorCall);
        TransferResult result;
        try
        {
            result = await operatorCall.TransferAsync(target, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return false; // the caller hung up at this very moment
        }

        if (result.Succeeded)
        {
            return true;
        }

        if (result.Accepted && result.NotifiedStatus is null)
        {
            // Taken on, but no final NOTIFY came: the server releases the operator all the same.
            LogNotNotified(operatorExtension, operatorCall.CallerNumber, target);
            return true;
        }

        LogRefused(operatorExtension, operatorCall.CallerNumber, target, result.ToString());
        return false;
    }

    [LoggerMessage(EventId = 10522, Level = LogLevel.Information, Message = "Operator {Operator}'s phone could not put {Caller} through to {Target}: {Result}")]
    private partial void LogRefused(string @operator, string caller, string target, string result);

    [LoggerMessage(EventId = 10523, Level = LogLevel.Warning, Message = "Operator {Operator}'s transfer of {Caller} to {Target} was accepted, but no final NOTIFY came")]
    private partial void LogNotNotified(string @operator, string caller, string target);
}
