using System.Globalization;
using System.Security.Cryptography;

namespace Omstilling.Sip.Auth;

/// <summary>
/// Answers digest challenges as a client: how the platform registers with a SIP trunk, and how
/// tests act as phones. Keeps the nonce-count per nonce. Thread-safe.
/// </summary>
public sealed class DigestClient
{
    private readonly string _username;
    private readonly string _password;
    private readonly Lock _lock = new();
    private string? _nonce;
    private uint _count;

    public DigestClient(string username, string password)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(password);
        _username = username;
        _password = password;
    }

    /// <summary>The Authorization (or Proxy-Authorization) value answering <paramref name="challenge"/> for a request.</summary>
    public string Answer(DigestChallenge challenge, string method, string uri)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        uint nc;
        lock (_lock)
        {
            if (_nonce != challenge.Nonce)
            {
                _nonce = challenge.Nonce;
                _count = 0;
            }

            nc = ++_count;
        }

        var a = challenge.Algorithm;
        var ha1 = a.Ha1(_username, challenge.Realm, _password);
        var ha2 = a.Hash($"{method}:{uri}");
        var cnonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var ncText = nc.ToString("x8", CultureInfo.InvariantCulture);
        var response = challenge.QopAuth
            ? a.Hash($"{ha1}:{challenge.Nonce}:{ncText}:{cnonce}:auth:{ha2}")
            : a.Hash($"{ha1}:{challenge.Nonce}:{ha2}");
        var value = $"Digest username=\"{_username}\", realm=\"{challenge.Realm}\", nonce=\"{challenge.Nonce}\", uri=\"{uri}\", " +
                    $"response=\"{response}\", algorithm={a.Token()}";
        if (challenge.QopAuth)
        {
            value += $", qop=auth, nc={ncText}, cnonce=\"{cnonce}\"";
        }

        return challenge.Opaque is null ? value : value + $", opaque=\"{challenge.Opaque}\"";
    }
}
