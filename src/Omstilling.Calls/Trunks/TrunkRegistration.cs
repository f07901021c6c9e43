using System.Globalization;
using Microsoft.Extensions.Logging;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Timing;
using Omstilling.Sip.Transactions;

namespace Omstilling.Calls.Trunks;

/// <summary>
/// Keeps the platform registered with its SIP trunk (RFC 3261 §10.2): REGISTER with our Contact,
/// answer a digest challenge once per request, refresh at half the granted lifetime, and after a
/// failure try again later. One Call-ID for the whole registration, CSeq rising. Thread-safe.
/// </summary>
public sealed partial class TrunkRegistration : IClientTransactionOwner, IDisposable
{
    private readonly SipStack _stack;
    private readonly TrunkOptions _options;
    private readonly DigestClient _credentials;
    private readonly ILogger _logger;
    private readonly Lock _sync = new();
    private readonly string _callId;
    private readonly string _fromTag = SipIds.NewTag();
    private uint _cseq;
    private bool _answeredChallenge;
    private bool _stopped;
    private ScheduledTimer? _next;

    public TrunkRegistration(SipStack stack, TrunkOptions options, ILogger<TrunkRegistration> logger)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(options);
        _stack = stack;
        _options = options;
        _credentials = options.CreateCredentials() ?? throw new ArgumentException("registering with a trunk needs a username", nameof(options));
        _logger = logger;
        _callId = SipIds.NewCallId(options.DomainOrPeer);
    }

    /// <summary>Registered now: the trunk's last answer was 2xx and its lifetime has not run out.</summary>
    public bool IsRegistered => RegisteredUntil is { } until && until > _stack.Scheduler.Time.GetUtcNow();

    public DateTimeOffset? RegisteredUntil { get; private set; }

    /// <summary>The last final status from the trunk (0 before any), for the status page.</summary>
    public int LastStatus { get; private set; }

    public void Start()
    {
        lock (_sync)
        {
            Send(authorization: null);
        }
    }

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsProvisional)
        {
            return;
        }

        lock (_sync)
        {
            if (_stopped)
            {
                return;
            }

            LastStatus = response.StatusCode;
            if (response.IsSuccess)
            {
                _answeredChallenge = false;
                var granted = Granted(response);
                RegisteredUntil = _stack.Scheduler.Time.GetUtcNow() + granted;
                LogRegistered(_logger, _options.DomainOrPeer, (int)granted.TotalSeconds);
                Schedule(granted / 2);
                return;
            }

            if (response.StatusCode is SipStatus.Unauthorized or SipStatus.ProxyAuthenticationRequired && !_answeredChallenge
                && Challenge(response) is { } challenge)
            {
                // One answer per challenge: a second 401 means the credentials are wrong (or the nonce went stale, which the next round fixes).
                _answeredChallenge = true;
                var uri = RegistrarUri().ToString();
                var header = response.StatusCode == SipStatus.Unauthorized ? HeaderName.Authorization : HeaderName.ProxyAuthorization;
                Send((header, _credentials.Answer(challenge, "REGISTER", uri)));
                return;
            }

            _answeredChallenge = false;
            RegisteredUntil = null;
            LogFailed(_logger, _options.DomainOrPeer, response.StatusCode, response.ReasonPhrase, (int)_options.RetryAfterFailure.TotalSeconds);
            Schedule(_options.RetryAfterFailure);
        }
    }

    /// <summary>Stops refreshing and removes our binding at the trunk (Expires: 0), without waiting for the answer.</summary>
    public void Dispose()
    {
        lock (_sync)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            _next?.Cancel();
            if (RegisteredUntil is not null)
            {
                _stack.SendRequest(CreateRegister(TimeSpan.Zero, null), _options.Peer, this);
            }
        }
    }

    private void Schedule(TimeSpan delay)
    {
        _next?.Cancel();
        _next = _stack.Scheduler.Schedule(delay, static s =>
        {
            var self = (TrunkRegistration)s!;
            lock (self._sync)
            {
                if (!self._stopped)
                {
                    self.Send(authorization: null);
                }
            }
        }, this);
    }

    private void Send((HeaderName Name, string Value)? authorization) =>
        _stack.SendRequest(CreateRegister(_options.RegisterExpires, authorization), _options.Peer, this);

    private SipRequest CreateRegister(TimeSpan expires, (HeaderName Name, string Value)? authorization)
    {
        var aor = new NameAddress(SipUri.Sip(_options.Username, _options.DomainOrPeer));
        var local = _stack.LocalEndPointFor(_options.Peer);
        var headers = new SipHeaders(10);
        headers.Add(HeaderName.From, aor.WithTag(_fromTag).ToString());
        headers.Add(HeaderName.To, aor.ToString());
        headers.Add(HeaderName.CallId, _callId);
        headers.Add(HeaderName.CSeq, new CSeq(++_cseq, SipMethod.Register).ToString());
        headers.Add(HeaderName.MaxForwards, "70");
        headers.Add(HeaderName.Contact, new NameAddress(SipUri.Sip(_options.Username, SipStack.FormatHost(local.Address), local.Port)).ToString());
        headers.Add(HeaderName.Expires, ((long)expires.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        headers.Add(HeaderName.UserAgent, _stack.Options.UserAgent);
        if (authorization is { } auth)
        {
            headers.Add(auth.Name, auth.Value);
        }

        return new SipRequest(SipMethod.Register, RegistrarUri(), headers);
    }

    private SipUri RegistrarUri() => SipUri.Sip(null, _options.DomainOrPeer, _options.Domain is null ? _options.Peer.EndPoint.Port : null);

    /// <summary>The lifetime granted: our Contact's expires, else the Expires header, else what we asked.</summary>
    private TimeSpan Granted(SipResponse response)
    {
        var seconds = response.Contacts.Select(c => c.Parameters.Get("expires")).FirstOrDefault(e => e is not null) is { } text
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var fromContact)
            ? fromContact
            : response.Expires ?? (long)_options.RegisterExpires.TotalSeconds;
        return TimeSpan.FromSeconds(Math.Clamp(seconds, 10, (long)_options.RegisterExpires.TotalSeconds));
    }

    private static DigestChallenge? Challenge(SipResponse response) =>
        response.Header(response.StatusCode == SipStatus.Unauthorized ? HeaderName.WwwAuthenticate : HeaderName.ProxyAuthenticate) is { } value
            ? DigestChallenge.TryParse(value)
            : null;

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Registered with the trunk {Domain} for {Seconds} s")]
    private static partial void LogRegistered(ILogger logger, string domain, int seconds);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Registration with the trunk {Domain} failed: {Status} {Reason}; trying again in {Seconds} s")]
    private static partial void LogFailed(ILogger logger, string domain, int status, string reason, int seconds);
}
