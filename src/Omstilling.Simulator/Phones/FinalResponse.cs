using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;

namespace Omstilling.Simulator.Phones;

/// <summary>
/// The owner of one non-INVITE request (REGISTER, BYE): the final response, as a task and, when
/// given, to a callback on the receive thread. Every client transaction ends in a final response
/// (a timeout reads as 408, a transport failure as 503, RFC 3261 §8.1.3.1), so the task always
/// completes, within 64*T1. Thread-safe.
/// </summary>
internal sealed class FinalResponse(Action<SipResponse>? onFinal = null) : IClientTransactionOwner
{
    private readonly TaskCompletionSource<SipResponse> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<SipResponse> Task => _final.Task;

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsFinal && _final.TrySetResult(response))
        {
            onFinal?.Invoke(response);
        }
    }
}
