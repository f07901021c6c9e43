using System.Globalization;
using System.Text;
using Omstilling.Sip.Parsing;

namespace Omstilling.Sip.Messages;

/// <summary>
/// A SIP request or response: headers in order and a body. Typed views of the common headers
/// are parsed on first use and cached until the headers change.
/// Not thread-safe: a message has one owner at a time (the transaction or call that holds it)
/// and must not be changed after it is handed to a transport.
/// </summary>
public abstract class SipMessage
{
    private int _cacheVersion = -1;
    private Via? _topVia;
    private NameAddress? _from;
    private NameAddress? _to;
    private string? _callId;
    private CSeq? _cseq;

    protected SipMessage(SipHeaders headers, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        Headers = headers;
        Body = body;
    }

    public SipHeaders Headers { get; }

    /// <summary>The body; Content-Length is written from its length when the message is serialized.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    public abstract bool IsRequest { get; }

    /// <summary>The first Via value; the parser guarantees one on every request and response it accepts.</summary>
    public Via TopVia
    {
        get
        {
            Refresh();
            return _topVia ??= ViaGrammar.Parse(Required(HeaderName.Via).RawValue.Span, 0)!;
        }
    }

    public NameAddress From
    {
        get
        {
            Refresh();
            return _from ??= NameAddressGrammar.Parse(Required(HeaderName.From).RawValue.Span, 0, "From")!;
        }
    }

    public NameAddress To
    {
        get
        {
            Refresh();
            return _to ??= NameAddressGrammar.Parse(Required(HeaderName.To).RawValue.Span, 0, "To")!;
        }
    }

    public string CallId
    {
        get
        {
            Refresh();
            return _callId ??= Required(HeaderName.CallId).Value;
        }
    }

    public CSeq CSeq
    {
        get
        {
            Refresh();
            return _cseq ??= ScalarGrammar.ParseCSeq(Required(HeaderName.CSeq).RawValue.Span, 0);
        }
    }

    /// <summary>Every Via value, top first.</summary>
    public IReadOnlyList<Via> Vias => Parse(HeaderName.Via, v => ViaGrammar.Parse(v, 0)!);

    /// <summary>Every Contact value except the "*" wildcard (see <see cref="IsContactWildcard"/>).</summary>
    public IReadOnlyList<NameAddress> Contacts =>
        IsContactWildcard ? [] : Parse(HeaderName.Contact, v => NameAddressGrammar.Parse(v, 0, "Contact")!);

    /// <summary>True for "Contact: *" (RFC 3261 §10.2.2: remove all bindings).</summary>
    public bool IsContactWildcard =>
        Headers.TryGetFirst(HeaderName.Contact, out var h) && h.RawValue.Span.SequenceEqual("*"u8);

    public IReadOnlyList<NameAddress> RecordRoutes => Parse(HeaderName.RecordRoute, v => NameAddressGrammar.Parse(v, 0, "Record-Route")!);

    public IReadOnlyList<NameAddress> Routes => Parse(HeaderName.Route, v => NameAddressGrammar.Parse(v, 0, "Route")!);

    /// <summary>Max-Forwards, or null when absent.</summary>
    public int? MaxForwards => Headers.TryGetFirst(HeaderName.MaxForwards, out var h)
        ? (int)ScalarGrammar.ParseNumber(h.RawValue.Span, 0, 255, "Max-Forwards")
        : null;

    /// <summary>Expires in seconds, or null when absent; values above 2^32-1 read as 2^32-1 (RFC 3261 §25.1 delta-seconds).</summary>
    public long? Expires => Headers.TryGetFirst(HeaderName.Expires, out var h)
        ? ScalarGrammar.ParseDeltaSeconds(h.RawValue.Span, 0, "Expires")
        : null;

    /// <summary>The media type of the body, such as "application/sdp", without parameters; null when absent.</summary>
    public string? ContentType
    {
        get
        {
            var value = Headers.GetFirstValue(HeaderName.ContentType);
            if (value is null)
            {
                return null;
            }

            var semi = value.IndexOf(';', StringComparison.Ordinal);
            return (semi < 0 ? value : value[..semi]).Trim().ToLowerInvariant();
        }
    }

    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>The transaction's method: the request method, or the CSeq method of a response.</summary>
    public abstract SipMethod TransactionMethod { get; }

    public string? Header(HeaderName name) => Headers.GetFirstValue(name);

    private SipHeader Required(HeaderName name) =>
        Headers.TryGetFirst(name, out var h)
            ? h
            : throw new InvalidOperationException($"The message has no {name} header.");

    private List<T> Parse<T>(HeaderName name, ParseSpan<T> parse)
    {
        var list = new List<T>();
        foreach (var h in Headers.GetAll(name))
        {
            list.Add(parse(h.RawValue.Span));
        }

        return list;
    }

    private delegate T ParseSpan<out T>(ReadOnlySpan<byte> value);

    private void Refresh()
    {
        if (_cacheVersion != Headers.Version)
        {
            _cacheVersion = Headers.Version;
            _topVia = null;
            _from = null;
            _to = null;
            _callId = null;
            _cseq = null;
        }
    }

    /// <summary>Formats an integer header value without culture surprises.</summary>
    protected static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
