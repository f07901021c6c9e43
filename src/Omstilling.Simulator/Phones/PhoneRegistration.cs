using System.Globalization;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Timing;

namespace Omstilling.Simulator.Phones;

/// <summary>
/// A phone's registration (RFC 3261 §10.2): REGISTER with our Contact, one Call-ID for all of
/// them and the CSeq rising, a digest challenge answered once per request, and a refresh at half
/// the lifetime granted while the network runs. Thread-safe.
/// </summary>
internal sealed class PhoneRegistration(SimulatedPhone phone)
{
    /// <summary>How soon a refresh that failed is tried again.</summary>
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(10);

    private readonly Lock _sync = new();
    private readonly string _callId = SipIds.NewCallId(phone.Network.Host);
    private readonly string _fromTag = SipIds.NewTag();
    private uint _cseq;
    private TimeSpan _wanted;
    private int _generation;
    private ScheduledTimer? _refresh;

    /// <summary>REGISTER for <paramref name="expires"/>; the lifetime the registrar granted, or a <see cref="PhoneException"/>.</summary>
    public async Task<TimeSpan> RegisterAsync(TimeSpan expires, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(expires, TimeSpan.Zero);
        int generation;
        lock (_sync)
        {
            _wanted = expires;
            _refresh?.Cancel();
            generation = ++_generation;
        }

        var response = await SendAsync(expires, cancellationToken);
        var granted = Granted(response, expires);
        lock (_sync)
        {
            // Unless the phone registered again or unregistered meanwhile: then that one decides.
            if (_generation == generation)
            {
                Schedule(granted / 2);
            }
        }

        PhoneLog.Registered(phone.Network.Logger, phone.User, (int)granted.TotalSeconds);
        return granted;
    }

    /// <summary>Removes our binding (Expires: 0) and stops refreshing.</summary>
    public async Task UnregisterAsync(CancellationToken cancellationToken)
    {
        Stop();
        await SendAsync(TimeSpan.Zero, cancellationToken);
        PhoneLog.Unregistered(phone.Network.Logger, phone.User);
    }

    /// <summary>No more refreshes (the network stops, or the phone unregisters).</summary>
    public void Stop()
    {
        lock (_sync)
        {
            _generation++;
            _wanted = TimeSpan.Zero;
            _refresh?.Cancel();
            _refresh = null;
        }
    }

    private async Task<SipResponse> SendAsync(TimeSpan expires, CancellationToken cancellationToken)
    {
        var request = Create(expires);
        var response = await Exchange(request, cancellationToken);
        if (PhoneCredentials.IsChallenge(response) && phone.Credentials is { } credentials)
        {
            // One answer per challenge: a second one means the password is wrong.
            var retry = Create(expires);
            if (credentials.Authorize(response, retry))
            {
                response = await Exchange(retry, cancellationToken);
            }
        }

        return response.IsSuccess
            ? response
            : throw new PhoneException(response.StatusCode, $"REGISTER of {phone.User} was refused: {response.StatusCode} {response.ReasonPhrase}");
    }

    private Task<SipResponse> Exchange(SipRequest request, CancellationToken cancellationToken)
    {
        var final = new FinalResponse();
        phone.Network.Stack.SendRequest(request, phone.Network.Server, final);
        return final.Task.WaitAsync(cancellationToken);
    }

    private SipRequest Create(TimeSpan expires)
    {
        var network = phone.Network;
        var aor = new NameAddress(SipUri.Sip(phone.User, network.ServerHost), phone.DisplayName);
        var headers = new SipHeaders(10);
        headers.Add(HeaderName.From, aor.WithTag(_fromTag).ToString());
        headers.Add(HeaderName.To, aor.ToString());
        headers.Add(HeaderName.CallId, _callId);
        headers.Add(HeaderName.CSeq, new CSeq(Interlocked.Increment(ref _cseq), SipMethod.Register).ToString());
        headers.Add(HeaderName.Contact, network.ContactOf(phone.User).ToString());
        headers.Add(HeaderName.Expires, ((long)expires.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        headers.Add(HeaderName.UserAgent, network.Stack.Options.UserAgent);
        return new SipRequest(SipMethod.Register, SipUri.Sip(null, network.ServerHost, network.Server.EndPoint.Port), headers);
    }

    /// <summary>What the registrar granted our Contact (its expires parameter), else the Expires header, else what we asked.</summary>
    private TimeSpan Granted(SipResponse response, TimeSpan asked)
    {
        var ours = phone.Network.ContactOf(phone.User).Uri;
        foreach (var contact in response.Contacts)
        {
            if (contact.Uri.User == ours.User && contact.Uri.Port == ours.Port
                && long.TryParse(contact.Parameters.Get("expires"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(Math.Max(seconds, 2));
            }
        }

        return response.Expires is { } header ? TimeSpan.FromSeconds(Math.Max(header, 2)) : asked;
    }

    /// <summary>The next refresh, on the stack's scheduler (its timers are contained at <c>sip.timer</c>). Under the lock.</summary>
    private void Schedule(TimeSpan delay)
    {
        _refresh?.Cancel();
        _refresh = phone.Network.Stack.Scheduler.Schedule(delay, static s => ((PhoneRegistration)s!).Refresh(), this);
    }

    private void Refresh()
    {
        TimeSpan wanted;
        lock (_sync)
        {
            wanted = _wanted;
        }

        if (wanted > TimeSpan.Zero)
        {
            phone.Network.Background.Observe(RefreshAsync(wanted), phone.User, "a registration refresh");
        }
    }

    private async Task RefreshAsync(TimeSpan wanted)
    {
        try
        {
            await RegisterAsync(wanted, phone.Network.Stopping);
        }
        catch (PhoneException e)
        {
            PhoneLog.RefreshFailed(phone.Network.Logger, phone.User, e.Status, (int)RetryAfterFailure.TotalSeconds);
            lock (_sync)
            {
                if (_wanted == wanted && _refresh is not { IsPending: true })
                {
                    Schedule(RetryAfterFailure);
                }
            }
        }
        catch (OperationCanceledException) when (phone.Network.Stopping.IsCancellationRequested)
        {
            // The network stops; nothing more to refresh.
        }
    }
}
