namespace Omstilling.Sip.Auth;

/// <summary>A parsed WWW-Authenticate or Proxy-Authenticate Digest challenge (RFC 7616 §3.3). Immutable.</summary>
public sealed record DigestChallenge(string Realm, string Nonce, DigestAlgorithm Algorithm, bool QopAuth, string? Opaque, bool Stale)
{
    /// <summary>Parses a challenge; null when it is not Digest or uses an algorithm we do not know.</summary>
    public static DigestChallenge? TryParse(string header)
    {
        ArgumentNullException.ThrowIfNull(header);

        // The credentials parser reads the same name=value list; it needs these fields present.
        var asCredentials = DigestCredentials.TryParse(header + ", username=\"\", uri=\"\", response=\"\"");
        if (asCredentials is null || !DigestAlgorithms.TryParse(asCredentials.Algorithm, out var algorithm))
        {
            return null;
        }

        var qop = asCredentials.Qop?.Split(',', StringSplitOptions.TrimEntries) ?? [];
        var stale = header.Contains("stale=true", StringComparison.OrdinalIgnoreCase);
        return new DigestChallenge(asCredentials.Realm, asCredentials.Nonce, algorithm, qop.Contains("auth"), asCredentials.Opaque, stale);
    }
}
