using System.Net;
using Microsoft.Extensions.Logging;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Parsing;
using Omstilling.Sip.Security;
using Omstilling.Sip.Transport;

namespace Omstilling.Sip.Transactions;

/// <summary>Receiving: matching to transactions (§17.1.3, §17.2.3), CANCEL (§9.2) and malformed input.</summary>
public sealed partial class SipStack
{
    public void OnMessage(IncomingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var core = _core ?? throw new InvalidOperationException("The stack has not started.");
        _metrics?.OnReceived(message.Message);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            LogReceived(message.Source, SipTrace.Format(message.Message));
        }

        if (message.Message is SipResponse response)
        {
            OnResponse(message, response, core);
            return;
        }

        var request = (SipRequest)message.Message;
        var via = request.TopVia;
        var stamped = ResponseRouting.StampReceived(via, message.Source.EndPoint);
        if (!ReferenceEquals(stamped, via))
        {
            request.Headers.ReplaceFirst(new SipHeader(HeaderName.Via, stamped.ToString()));
        }

        if (request.Method == SipMethod.Ack)
        {
            if (_serverTransactions.TryGetValue(TransactionKey.ForServer(request), out var tx) && tx is ServerInviteTransaction invite)
            {
                if (!invite.OnAck())
                {
                    return; // The ACK of a non-2xx belongs to the transaction alone (§17.2.1).
                }
            }

            core.OnAck(message);
            return;
        }

        var key = TransactionKey.ForServer(request);
        if (_serverTransactions.TryGetValue(key, out var existing))
        {
            existing.OnRetransmission();
            return;
        }

        if (request.Method == SipMethod.Cancel)
        {
            OnCancel(message, request, key, core);
            return;
        }

        ServerTransaction created = request.Method == SipMethod.Invite
            ? new ServerInviteTransaction(this, message, key)
            : new ServerNonInviteTransaction(this, message, key);
        if (!_serverTransactions.TryAdd(key, created))
        {
            // Lost a race with the same request on another receive loop. That transaction may have ended
            // in between (a reliable transport ends a non-INVITE one at its final response), so the
            // retransmission is absorbed only if it is still there.
            if (_serverTransactions.TryGetValue(key, out var winner))
            {
                winner.OnRetransmission();
            }

            return;
        }

        if (created is ServerInviteTransaction newInvite && request.To.Tag is null)
        {
            if (!Setup.TryEnter())
            {
                // Overload or stopping: refused at once rather than taken on until the caller gives up.
                RefuseOverloaded(newInvite);
                return;
            }

            newInvite.InSetup = true;
        }

        if (created is ServerInviteTransaction)
        {
            // §17.2.1: 100 Trying at once, so the UAC stops retransmitting while the call is routed.
            created.Respond(SipResponses.Create(request, SipStatus.Trying));
        }

        if (!core.Supports(request.Method))
        {
            var notImplemented = created.CreateResponse(SipStatus.NotImplemented);
            created.Respond(notImplemented);
            return;
        }

        core.OnRequest(created);
    }

    /// <summary>Whether messages from <paramref name="source"/> are handled (<see cref="Guard"/>); before parsing.</summary>
    public SourceVerdict Screen(SipEndPoint source) =>
        Guard is { } guard ? guard.Screen(source.EndPoint.Address) : SourceVerdict.Admit;

    /// <summary>A request from a blocked source, with <see cref="BlockedAnswer.Forbidden"/>: 403, statelessly (an ACK or a response: nothing).</summary>
    public void OnRefused(IncomingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Message is SipRequest request && request.Method != SipMethod.Ack)
        {
            var response = SipResponses.Create(request, SipStatus.Forbidden, "Blocked", SipIds.NewTag());
            SendStateless(response, message);
        }
    }

    private void RefuseOverloaded(ServerInviteTransaction invite)
    {
        var stopping = Setup.IsClosed;
        var busy = invite.CreateResponse(SipStatus.ServiceUnavailable, stopping ? "Shutting down" : "Overloaded");
        var retryAfter = (long)Math.Ceiling((Options.Abuse?.RetryAfter ?? TimeSpan.FromSeconds(10)).TotalSeconds);
        busy.Headers.Add(HeaderName.RetryAfter, retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        invite.Respond(busy);
        if (!stopping && _overloadLog.TryTake(out var heldBack))
        {
            LogOverloaded(invite.Incoming.Source, Setup.InSetup, heldBack);
        }
    }

    private void OnCancel(IncomingMessage message, SipRequest cancel, TransactionKey key, ISipCore core)
    {
        var cancelTx = new ServerNonInviteTransaction(this, message, key);
        if (!_serverTransactions.TryAdd(key, cancelTx))
        {
            if (_serverTransactions.TryGetValue(key, out var winner))
            {
                winner.OnRetransmission();
            }

            return;
        }

        var inviteKey = TransactionKey.ForServer(cancel, SipMethod.Invite);
        if (!_serverTransactions.TryGetValue(inviteKey, out var target) || target is not ServerInviteTransaction invite)
        {
            cancelTx.Respond(SipStatus.CallOrTransactionDoesNotExist);
            return;
        }

        // §9.2: the CANCEL's 200 carries the same To tag as the INVITE's responses.
        cancelTx.Respond(SipResponses.Create(cancel, SipStatus.Ok, null, invite.LocalTag));
        if (invite.State == TransactionState.Proceeding)
        {
            invite.MarkCancelled();
            core.OnCancel(invite);
        }
    }

    private void OnResponse(IncomingMessage message, SipResponse response, ISipCore core)
    {
        var via = response.TopVia;
        if (via.Branch is { } branch &&
            _clientTransactions.TryGetValue(TransactionKey.ForClient(branch, response.CSeq.Method), out var tx))
        {
            tx.OnResponse(response);
            return;
        }

        if (response.IsSuccess && response.CSeq.Method == SipMethod.Invite)
        {
            core.OnStray2xx(message);
            return;
        }

        LogStrayResponse(response.StatusCode, message.Source);
    }

    public void OnMalformed(ISipTransport transport, SipEndPoint source, ReadOnlyMemory<byte> bytes, SipParseException exception)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(exception);
        Interlocked.Increment(ref _malformed);
        var response = ErrorResponseBuilder.TryBuild(bytes.Span, exception, _core is { } core ? core.Supports : _ => true);
        var log = _malformedLog.TryTake(out var heldBack);
        if (log && heldBack > 0)
        {
            LogMalformedSuppressed(heldBack);
        }

        if (response is null)
        {
            if (log)
            {
                LogDropped(source, exception.Reason, exception.Offset, exception.Detail);
            }

            return;
        }

        if (log)
        {
            LogRejected(source, response.StatusCode, exception.Offset, exception.Detail);
        }

        // Sent back where the bytes came from: the Via may be the malformed part.
        Send(transport, source.EndPoint, Serialization.SipMessageWriter.ToBytes(response), response);
    }

    [LoggerMessage(EventId = 1305, Level = LogLevel.Warning, Message = "Overloaded: an INVITE from {Source} was answered 503, {InSetup} calls are in setup ({HeldBack} more since the last line)")]
    private partial void LogOverloaded(SipEndPoint source, int inSetup, long heldBack);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "SIP from {Source}:\n{Message}")]
    private partial void LogReceived(SipEndPoint source, string message);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "SIP to {Target}:\n{Message}")]
    private partial void LogSent(IPEndPoint target, string message);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Dropped malformed input from {Source}: {Reason} at byte {Offset}: {Detail}")]
    private partial void LogDropped(SipEndPoint source, RejectReason reason, int offset, string detail);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Rejected a malformed request from {Source} with {Status} (byte {Offset}: {Detail})")]
    private partial void LogRejected(SipEndPoint source, int status, int offset, string detail);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Warning, Message = "{Count} more malformed messages were not logged (at most 20 are logged in 10 s)")]
    private partial void LogMalformedSuppressed(long count);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Debug, Message = "A {Status} response from {Source} matched no transaction")]
    private partial void LogStrayResponse(int status, SipEndPoint source);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "Sending to {Target} failed")]
    private partial void LogSendFailed(Exception exception, IPEndPoint target);
}
