namespace Omstilling.Sip.Auth;

/// <summary>The result of checking a request's credentials.</summary>
public enum AuthenticationOutcome
{
    /// <summary>Valid credentials for <see cref="AuthenticationResult.Username"/>.</summary>
    Authenticated,
    /// <summary>No credentials for our realm: challenge.</summary>
    Missing,
    /// <summary>Right password, expired nonce: challenge with stale=true so the phone retries silently.</summary>
    Stale,
    /// <summary>Unknown user, wrong password, replayed nonce-count or malformed: challenge again, saying no more.</summary>
    Failed,
}

/// <summary>What <see cref="DigestAuthenticator.Authenticate"/> found. Immutable.</summary>
public readonly record struct AuthenticationResult(AuthenticationOutcome Outcome, string? Username)
{
    public bool IsAuthenticated => Outcome == AuthenticationOutcome.Authenticated;
}
