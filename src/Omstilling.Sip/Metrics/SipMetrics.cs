using System.Diagnostics;
using System.Diagnostics.Metrics;
using Omstilling.Sip.Messages;

namespace Omstilling.Sip.Metrics;

/// <summary>
/// The SIP stack's instruments on the meter <see cref="MeterName"/> (docs/metrics.md): messages
/// received and sent by method and status, malformed input, live transactions. Counting a message
/// is one <see cref="Counter{T}.Add(T, KeyValuePair{string, object?}, KeyValuePair{string, object?})"/>
/// with tags that are shared strings and pre-boxed status codes, so the receive and send paths
/// allocate nothing and take no lock for it. Thread-safe; owned by one <c>SipStack</c>.
/// </summary>
public sealed class SipMetrics
{
    /// <summary>The meter every SIP instrument is on.</summary>
    public const string MeterName = "Omstilling.Sip";

    private const string Received = "received";
    private const string Sent = "sent";

    /// <summary>Status codes 100 to 699 boxed once, so a response's tag needs no boxing per message.</summary>
    private readonly object[] _statuses = new object[600];
    private readonly object _otherStatus = "other";
    private readonly Counter<long> _requests;
    private readonly Counter<long> _responses;

    /// <param name="malformed">Messages that could not be parsed so far (read when scraped).</param>
    /// <param name="transactions">Live server and client transactions (read when scraped).</param>
    public SipMetrics(IMeterFactory meters, Func<long> malformed, Func<(int Server, int Client)> transactions)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(malformed);
        ArgumentNullException.ThrowIfNull(transactions);
        for (var i = 0; i < _statuses.Length; i++)
        {
            _statuses[i] = 100 + i;
        }

        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("omstilling.sip.requests", "{request}", "SIP requests received and sent (retransmissions included), by direction and method.");
        _responses = meter.CreateCounter<long>("omstilling.sip.responses", "{response}", "SIP responses received and sent (retransmissions included), by direction, method and status.");
        meter.CreateObservableCounter("omstilling.sip.malformed", malformed, "{message}", "Messages that could not be parsed (answered 4xx where possible, else dropped).");
        meter.CreateObservableUpDownCounter("omstilling.sip.transactions", () => Transactions(transactions()), "{transaction}", "Live SIP transactions, by kind (server or client).");
    }

    /// <summary>A message arrived (parsed).</summary>
    public void OnReceived(SipMessage message) => Count(Received, message);

    /// <summary>A message went to a transport.</summary>
    public void OnSent(SipMessage message) => Count(Sent, message);

    /// <summary>
    /// The method's tag: the shared name of a method the stack knows, "other" for any other token
    /// (a peer could otherwise make a new time series with every request).
    /// </summary>
    internal static string MethodTag(SipMethod method)
    {
        var name = method.Name;
        return IsKnown(method) ? name : "other";
    }

    /// <summary>
    /// A response's method from its CSeq; "other" when the CSeq cannot be read (our 400 to a
    /// malformed request copies the request's CSeq as it came, and that may be the malformed part).
    /// </summary>
    private static string MethodTag(SipResponse response)
    {
        try
        {
            return MethodTag(response.CSeq.Method);
        }
        catch (Parsing.SipParseException)
        {
            return "other";
        }
    }

    private static bool IsKnown(SipMethod method) =>
        method == SipMethod.Invite || method == SipMethod.Ack || method == SipMethod.Bye || method == SipMethod.Cancel ||
        method == SipMethod.Options || method == SipMethod.Register || method == SipMethod.Info || method == SipMethod.Prack ||
        method == SipMethod.Update || method == SipMethod.Subscribe || method == SipMethod.Notify || method == SipMethod.Refer ||
        method == SipMethod.Message || method == SipMethod.Publish;

    private static IEnumerable<Measurement<int>> Transactions((int Server, int Client) counts) =>
    [
        new(counts.Server, new KeyValuePair<string, object?>("kind", "server")),
        new(counts.Client, new KeyValuePair<string, object?>("kind", "client")),
    ];

    private void Count(string direction, SipMessage message)
    {
        switch (message)
        {
            case SipRequest request:
                if (_requests.Enabled)
                {
                    _requests.Add(1, new KeyValuePair<string, object?>("direction", direction), new KeyValuePair<string, object?>("method", MethodTag(request.Method)));
                }

                break;
            case SipResponse response:
                if (_responses.Enabled)
                {
                    var status = response.StatusCode is >= 100 and <= 699 ? _statuses[response.StatusCode - 100] : _otherStatus;
                    _responses.Add(
                        1,
                        new KeyValuePair<string, object?>("direction", direction),
                        new KeyValuePair<string, object?>("method", MethodTag(response)),
                        new KeyValuePair<string, object?>("status", status));
                }

                break;
            default:
                throw new UnreachableException($"Neither a request nor a response: {message.GetType()}");
        }
    }
}
