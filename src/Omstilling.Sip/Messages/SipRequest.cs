using Omstilling.Sip.Parsing;

namespace Omstilling.Sip.Messages;

/// <summary>A SIP request (RFC 3261 §7.1). See <see cref="SipMessage"/> for ownership rules.</summary>
public sealed class SipRequest : SipMessage
{
    private SipUri? _requestUri;
    private readonly ReadOnlyMemory<byte> _rawRequestUri;

    public SipRequest(SipMethod method, SipUri requestUri, SipHeaders? headers = null, ReadOnlyMemory<byte> body = default)
        : base(headers ?? new SipHeaders(), body)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        Method = method;
        _requestUri = requestUri;
    }

    /// <summary>A parsed request whose Request-URI is built from its validated bytes on first use.</summary>
    internal SipRequest(SipMethod method, ReadOnlyMemory<byte> rawRequestUri, SipHeaders headers, ReadOnlyMemory<byte> body)
        : base(headers, body)
    {
        Method = method;
        _rawRequestUri = rawRequestUri;
    }

    public SipMethod Method { get; }

    public SipUri RequestUri
    {
        get => _requestUri ??= UriGrammar.Parse(_rawRequestUri.Span, 0, RejectReason.BadRequestUri, "Request-URI")!;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _requestUri = value;
        }
    }

    /// <summary>The Request-URI bytes as received, while the URI has not been replaced; empty otherwise.</summary>
    internal ReadOnlyMemory<byte> RawRequestUri => _requestUri is null ? _rawRequestUri : default;

    public override bool IsRequest => true;

    public override SipMethod TransactionMethod => Method;

    public override string ToString() => $"{Method.Name} {RequestUri}";
}
