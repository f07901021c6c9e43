using System.Security.Cryptography;
using System.Text;
using Omstilling.Sip.Messages;

namespace Omstilling.Sip.Auth;

/// <summary>
/// Digest authentication of requests (RFC 3261 §22, RFC 7616, RFC 8760): MD5 and SHA-256 with
/// qop=auth. An unknown user is checked against a hash derived from a secret key exactly like a
/// real one, and every failure gets the same challenge, so answers and timing do not reveal
/// which usernames exist. Thread-safe.
/// </summary>
public sealed class DigestAuthenticator
{
    private readonly IAccountStore _accounts;
    private readonly NonceService _nonces;
    private readonly byte[] _decoyKey = RandomNumberGenerator.GetBytes(32);

    public DigestAuthenticator(string realm, IAccountStore accounts, NonceService nonces)
    {
        ArgumentException.ThrowIfNullOrEmpty(realm);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(nonces);
        Realm = realm;
        _accounts = accounts;
        _nonces = nonces;
    }

    public string Realm { get; }

    /// <summary>Algorithms offered in challenges, one WWW-Authenticate each, in this order.</summary>
    public IReadOnlyList<DigestAlgorithm> Offered { get; init; } = [DigestAlgorithm.Md5, DigestAlgorithm.Sha256];

    /// <summary>Where failed authentications are counted per source address (blocking password guessers); none without it.</summary>
    public Security.SourceGuard? Guard { get; init; }

    /// <summary>
    /// Checks a received request's credentials, as <see cref="Authenticate(SipRequest, bool)"/>, and
    /// counts a failure (credentials given, but wrong) against the source's limit in <see cref="Guard"/>.
    /// </summary>
    /// <summary>Whether <paramref name="username"/> is an account now (a binding kept from before a restart is restored only then).</summary>
    public bool HasAccount(string username) => _accounts.TryGet(username, out _);

    public AuthenticationResult Authenticate(Transactions.ServerTransaction transaction, bool proxy)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var result = Authenticate(transaction.Request, proxy);
        if (result.Outcome == AuthenticationOutcome.Failed)
        {
            Guard?.OnAuthenticationFailed(transaction.Incoming.Source.EndPoint.Address);
        }

        return result;
    }

    /// <summary>Checks Authorization (or Proxy-Authorization when <paramref name="proxy"/>) against our realm.</summary>
    public AuthenticationResult Authenticate(SipRequest request, bool proxy)
    {
        ArgumentNullException.ThrowIfNull(request);
        var credentials = FindCredentials(request, proxy ? HeaderName.ProxyAuthorization : HeaderName.Authorization);
        if (credentials is null)
        {
            return new(AuthenticationOutcome.Missing, null);
        }

        if (!DigestAlgorithms.TryParse(credentials.Algorithm, out var algorithm) ||
            !string.Equals(credentials.Qop, "auth", StringComparison.OrdinalIgnoreCase) ||
            credentials.Cnonce is null || credentials.NonceCount is null)
        {
            return new(AuthenticationOutcome.Failed, null);
        }

        // The decoy is computed for every request, known user or not, so both paths cost the same.
        var decoy = DecoyHa1(credentials.Username, algorithm);
        var known = _accounts.TryGet(credentials.Username, out var account) && account.Realm == Realm;
        var ha1 = known ? account!.Ha1(algorithm) : decoy;
        var ha2 = algorithm.Hash($"{request.Method.Name}:{credentials.Uri}");
        var expected = algorithm.Hash($"{ha1}:{credentials.Nonce}:{credentials.NonceCount}:{credentials.Cnonce}:auth:{ha2}");
        var matches = CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(credentials.Response.ToLowerInvariant()));
        if (!matches || !known)
        {
            return new(AuthenticationOutcome.Failed, null);
        }

        switch (_nonces.Check(credentials.Nonce))
        {
            case NonceValidity.Stale:
                return new(AuthenticationOutcome.Stale, credentials.Username);
            case NonceValidity.Invalid:
                return new(AuthenticationOutcome.Failed, null);
        }

        return _nonces.TryUse(credentials.Nonce, credentials.NonceCount)
            ? new(AuthenticationOutcome.Authenticated, credentials.Username)
            : new(AuthenticationOutcome.Failed, null);
    }

    /// <summary>
    /// A 401 (WWW-Authenticate) or 407 (Proxy-Authenticate) response with one challenge per
    /// offered algorithm and a fresh nonce.
    /// </summary>
    public SipResponse Challenge(SipRequest request, string toTag, bool proxy, bool stale)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = SipResponses.Create(request, proxy ? SipStatus.ProxyAuthenticationRequired : SipStatus.Unauthorized, null, toTag);
        var header = proxy ? HeaderName.ProxyAuthenticate : HeaderName.WwwAuthenticate;
        var nonce = _nonces.Issue();
        foreach (var algorithm in Offered)
        {
            var value = $"Digest realm=\"{Realm}\", nonce=\"{nonce}\", algorithm={algorithm.Token()}, qop=\"auth\"";
            response.Headers.Add(header, stale ? value + ", stale=true" : value);
        }

        return response;
    }

    private DigestCredentials? FindCredentials(SipRequest request, HeaderName header)
    {
        foreach (var h in request.Headers.GetAll(header))
        {
            var credentials = DigestCredentials.TryParse(h.Value);
            if (credentials is not null && credentials.Realm == Realm)
            {
                return credentials;
            }
        }

        return null;
    }

    private string DecoyHa1(string username, DigestAlgorithm algorithm)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_decoyKey, Encoding.UTF8.GetBytes(username), mac);
        return Convert.ToHexStringLower(mac[..(algorithm == DigestAlgorithm.Md5 ? 16 : 32)]);
    }
}
