using Omstilling.Sip.Auth;
using Omstilling.Sip.Messages;

namespace Omstilling.Simulator.Phones;

/// <summary>
/// A phone's account: answers a 401 (WWW-Authenticate) or 407 (Proxy-Authenticate) challenge on
/// the request sent again (RFC 3261 §22.2) with the stack's <see cref="DigestClient"/>. Thread-safe.
/// </summary>
internal sealed class PhoneCredentials(string user, string password)
{
    private readonly DigestClient _digest = new(user, password);

    /// <summary>True for the two statuses that ask who we are.</summary>
    public static bool IsChallenge(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.StatusCode is SipStatus.Unauthorized or SipStatus.ProxyAuthenticationRequired;
    }

    /// <summary>
    /// Puts the answer to <paramref name="challenge"/> on <paramref name="retry"/> (the request sent
    /// again, CSeq already raised); false when the challenge is not a Digest one we can answer.
    /// </summary>
    public bool Authorize(SipResponse challenge, SipRequest retry)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(retry);
        var proxy = challenge.StatusCode == SipStatus.ProxyAuthenticationRequired;
        if (challenge.Header(proxy ? HeaderName.ProxyAuthenticate : HeaderName.WwwAuthenticate) is not { } value
            || DigestChallenge.TryParse(value) is not { } parsed)
        {
            return false;
        }

        var answer = _digest.Answer(parsed, retry.Method.Name, retry.RequestUri.ToString());
        retry.Headers.Set(proxy ? HeaderName.ProxyAuthorization : HeaderName.Authorization, answer);
        return true;
    }
}
