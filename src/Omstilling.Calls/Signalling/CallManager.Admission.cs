using Microsoft.Extensions.Logging;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Signalling;

/// <summary>Admitting new calls: the limits on calls at once per account and per source address (<see cref="CallAdmission"/>), and the start.</summary>
public sealed partial class CallManager
{
    /// <summary>Counts the new call against its account's and its address's limits; refuses it with 403 when it would pass one.</summary>
    private bool Admit(ServerInviteTransaction transaction, string? account, out CallLease lease)
    {
        var source = transaction.Incoming.Source.EndPoint.Address;
        var admission = _admission.TryAdmit(account, source, out lease);
        switch (admission)
        {
            case Admission.Admitted:
                return true;
            case Admission.TooManyForAccount:
                LogCallRefused(account!, source, "calls for the account");
                transaction.Respond(SipStatus.Forbidden, "Too many calls for this account");
                return false;
            case Admission.TooManyFromAddress:
                LogCallRefused(account ?? "-", source, "calls from the address");
                transaction.Respond(SipStatus.Forbidden, "Too many calls from this address");
                return false;
            default:
                throw new System.Diagnostics.UnreachableException($"Admission {admission}");
        }
    }

    /// <summary>Starts an admitted call; a start that throws aborts it and gives its lease back.</summary>
    private void Begin(Call call, CallLease lease, Action start)
    {
        _admission.Hold(call.Id, lease);
        _calls[call.Id] = call;
        LogCallStarted(call.Id, call.Dialled);
        try
        {
            start();
        }
        catch
        {
            // Its legs and media are released and the caller answered 500, then the failure is reported.
            call.Abort();
            _calls.TryRemove(call.Id, out _);
            _admission.Release(call.Id);
            throw;
        }
    }

    [LoggerMessage(EventId = 2031, Level = LogLevel.Warning, Message = "SECURITY refused a call by {Account} from {Address}: too many {What} at once")]
    private partial void LogCallRefused(string account, System.Net.IPAddress address, string what);
}
