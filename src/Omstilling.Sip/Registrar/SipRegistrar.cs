using System.Globalization;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Security;
using Omstilling.Sip.Transactions;

namespace Omstilling.Sip.Registrar;

/// <summary>
/// Processes REGISTER requests as RFC 3261 §10.3 describes: the To URI names the address of
/// record (its user part is the account), the request must be authenticated by that account,
/// and each Contact is added, refreshed or (expires 0) removed; "Contact: *" with Expires: 0
/// removes all. The 200 lists every current binding. Thread-safe.
/// </summary>
public sealed class SipRegistrar
{
    private readonly DigestAuthenticator _authenticator;
    private readonly BindingStore _bindings;
    private readonly RegistrarOptions _options;
    private readonly TimeProvider _time;

    public SipRegistrar(DigestAuthenticator authenticator, BindingStore bindings, RegistrarOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        ArgumentNullException.ThrowIfNull(bindings);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _authenticator = authenticator;
        _bindings = bindings;
        _options = options;
        _time = time;
    }

    public BindingStore Bindings => _bindings;

    /// <summary>The limit on bindings per source address (<see cref="AbuseLimits.MaxRegistrationsPerAddress"/>); none without it.</summary>
    public AbuseLimits? Abuse { get; init; }

    /// <summary>Raised after the bindings of an address of record changed (for presence and the console).</summary>
    public event Action<string, IReadOnlyList<Binding>>? Changed;

    public void Handle(ServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var request = transaction.Request;
        var to = request.To.Uri;
        if (!to.IsSip || to.User is null)
        {
            transaction.Respond(SipStatus.BadRequest, "To is not a SIP address of record");
            return;
        }

        var auth = _authenticator.Authenticate(transaction, proxy: false);
        if (!auth.IsAuthenticated)
        {
            transaction.Respond(_authenticator.Challenge(request, transaction.LocalTag, proxy: false, stale: auth.Outcome == AuthenticationOutcome.Stale));
            return;
        }

        var aor = to.UnescapedUser!;
        if (!string.Equals(auth.Username, aor, StringComparison.Ordinal))
        {
            transaction.Respond(SipStatus.Forbidden, "Credentials do not match the address of record");
            return;
        }

        var response = Apply(transaction, aor);
        transaction.Respond(response);
    }

    /// <summary>
    /// Ends every binding of <paramref name="aor"/> at once (its account was removed or given a new
    /// password): the phone is no longer reached, and its next REGISTER must authenticate again.
    /// Returns how many bindings ended.
    /// </summary>
    public int Unregister(string aor)
    {
        ArgumentNullException.ThrowIfNull(aor);
        var ended = 0;
        var left = _bindings.Update(aor, (list, _) =>
        {
            ended = list.Count;
            list.Clear();
        });
        if (ended > 0)
        {
            Changed?.Invoke(aor, left);
        }

        return ended;
    }

    /// <summary>
    /// Puts back bindings kept from before a restart (the phones are reached at once, not only after
    /// their next REGISTER): those already expired and those of an account that is gone (removed
    /// while the platform was down) are left out, a contact registered since is not overwritten, and <see cref="Changed"/> is raised for each address of record that got one.
    /// Returns how many were restored.
    /// </summary>
    public int Restore(IEnumerable<Binding> kept)
    {
        ArgumentNullException.ThrowIfNull(kept);
        var restored = 0;
        foreach (var aor in kept.GroupBy(b => b.Aor, StringComparer.Ordinal).Where(a => _authenticator.HasAccount(a.Key)))
        {
            var added = 0;
            var left = _bindings.Update(aor.Key, (list, now) =>
            {
                foreach (var binding in aor)
                {
                    if (binding.ExpiresAt > now && list.Count < _options.MaxContactsPerAor && !list.Exists(b => SameContact(b.Contact, binding.Contact)))
                    {
                        list.Add(binding);
                        added++;
                    }
                }
            });
            if (added > 0)
            {
                restored += added;
                Changed?.Invoke(aor.Key, left);
            }
        }

        return restored;
    }

    private SipResponse Apply(ServerTransaction transaction, string aor)
    {
        var request = transaction.Request;
        var headerExpires = request.Expires;
        if (request.IsContactWildcard)
        {
            // §10.3 step 6: "*" only alone and only with Expires: 0.
            if (request.Headers.CountOf(HeaderName.Contact) != 1 || headerExpires != 0)
            {
                return transaction.CreateResponse(SipStatus.BadRequest, "Contact * needs Expires: 0 and no other contact");
            }

            var left = _bindings.Update(aor, (list, _) => list.RemoveAll(b => b.CallId != request.CallId || b.CSeq < request.CSeq.Number));
            Changed?.Invoke(aor, left);
            return Ok(transaction, left);
        }

        var contacts = request.Contacts;
        var requested = new List<(NameAddress Contact, long Expires)>(contacts.Count);
        foreach (var contact in contacts)
        {
            long expires = contact.Parameters.Get("expires") is { } p && long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var e)
                ? e
                : headerExpires ?? (long)_options.DefaultExpiry.TotalSeconds;
            if (expires > 0 && expires < _options.MinExpiry.TotalSeconds)
            {
                var brief = transaction.CreateResponse(SipStatus.IntervalTooBrief);
                brief.Headers.Add(HeaderName.MinExpires, ((long)_options.MinExpiry.TotalSeconds).ToString(CultureInfo.InvariantCulture));
                return brief;
            }

            requested.Add((contact, Math.Min(expires, (long)_options.MaxExpiry.TotalSeconds)));
        }

        SipResponse? refusal = null;
        var source = transaction.Incoming.Source.EndPoint.Address;
        var perSource = Abuse is { } abuse && abuse.MaxRegistrationsPerAddress > 0 && !abuse.IsAllowed(source) ? abuse.MaxRegistrationsPerAddress : int.MaxValue;
        var result = _bindings.Update(aor, (list, now) =>
        {
            // This account's list is not in the store's count while it is changed: count its part here.
            var fromSource = perSource == int.MaxValue ? 0 : _bindings.CountFrom(source) + list.Count(b => b.Source.EndPoint.Address.Equals(source));
            foreach (var (contact, expires) in requested)
            {
                var existing = list.FindIndex(b => SameContact(b.Contact, contact.Uri));
                if (existing >= 0 && list[existing].CallId == request.CallId && list[existing].CSeq >= request.CSeq.Number)
                {
                    // §10.3 step 7: an out-of-order refresh must not overwrite a newer one.
                    refusal = transaction.CreateResponse(SipStatus.ServerInternalError, "Out of order REGISTER");
                    return;
                }

                if (existing < 0 && expires > 0 && fromSource >= perSource)
                {
                    refusal = transaction.CreateResponse(SipStatus.Forbidden, "Too many registrations from this address");
                    return;
                }

                if (existing >= 0)
                {
                    list.RemoveAt(existing);
                }

                if (expires > 0)
                {
                    if (list.Count >= _options.MaxContactsPerAor)
                    {
                        list.RemoveAt(0); // The oldest registration gives way to the newest device.
                    }

                    list.Add(new Binding(aor, contact.Uri, transaction.Incoming.Source, now.AddSeconds(expires),
                        request.CallId, request.CSeq.Number, contact.Parameters.Get("+sip.instance")));
                    fromSource += existing < 0 ? 1 : 0;
                }
            }
        });
        if (refusal is not null)
        {
            return refusal;
        }

        if (requested.Count > 0)
        {
            Changed?.Invoke(aor, result);
        }

        return Ok(transaction, result);
    }

    private SipResponse Ok(ServerTransaction transaction, IReadOnlyList<Binding> bindings)
    {
        var response = transaction.CreateResponse(SipStatus.Ok);
        var now = _time.GetUtcNow();
        foreach (var b in bindings)
        {
            response.Headers.Add(HeaderName.Contact, $"<{b.Contact}>;expires={b.SecondsLeft(now).ToString(CultureInfo.InvariantCulture)}");
        }

        response.Headers.Add(HeaderName.Date, now.ToString("r", CultureInfo.InvariantCulture));
        return response;
    }

    /// <summary>Contacts are the same binding when their URIs match (a simplified §19.1.4 comparison: scheme, user, host, port).</summary>
    private static bool SameContact(SipUri a, SipUri b) =>
        a.Scheme == b.Scheme && a.User == b.User && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) &&
        (a.Port ?? 5060) == (b.Port ?? 5060);
}
