using Omstilling.Sip.Messages;

namespace Omstilling.Sip.Transactions;

/// <summary>
/// Identifies a server transaction (RFC 3261 §17.2.3): the top Via branch and sent-by, and the
/// method, with ACK matching its INVITE. Requests without the magic cookie (RFC 2543 peers) are
/// keyed by Call-ID, CSeq number, From tag and sent-by instead.
/// </summary>
internal readonly record struct TransactionKey(string Branch, string SentBy, string Method)
{
    public static TransactionKey ForServer(SipRequest request, SipMethod? method = null)
    {
        var via = request.TopVia;
        var m = method ?? (request.Method == SipMethod.Ack ? SipMethod.Invite : request.Method);
        if (via.HasRfc3261Branch)
        {
            return new TransactionKey(via.Branch!, via.SentBy.ToLowerInvariant(), m.Name);
        }

        var legacy = $"2543|{request.CallId}|{request.CSeq.Number}|{request.From.Tag}|{via.Branch}";
        return new TransactionKey(legacy, via.SentBy.ToLowerInvariant(), m.Name);
    }

    /// <summary>Client transactions: our own branch and the CSeq method (§17.1.3).</summary>
    public static TransactionKey ForClient(string branch, SipMethod method) => new(branch, "", method.Name);
}
