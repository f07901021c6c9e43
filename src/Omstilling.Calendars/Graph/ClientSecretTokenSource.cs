using Azure.Core;
using Azure.Identity;

namespace Omstilling.Calendars.Graph;

/// <summary>
/// App-only tokens (client credentials) from Microsoft Entra ID through Azure.Identity, cached
/// until five minutes before they expire. A renewal makes a new credential, whose token cache is
/// empty, as Azure.Identity would otherwise hand back the token Graph just rejected. Thread-safe.
/// </summary>
public sealed class ClientSecretTokenSource(GraphOptions options, TimeProvider time) : IGraphTokenSource, IDisposable
{
    private static readonly string[] Scopes = ["https://graph.microsoft.com/.default"];
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    private readonly GraphOptions _options = options ?? throw new ArgumentNullException(nameof(options));
    private readonly TimeProvider _time = time ?? throw new ArgumentNullException(nameof(time));
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ClientSecretCredential? _credential;
    private AccessToken? _token;

    public async ValueTask<string> GetTokenAsync(bool renew, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!renew && _token is { } cached && cached.ExpiresOn - Margin > _time.GetUtcNow())
            {
                return cached.Token;
            }

            if (renew || _credential is null)
            {
                var credentialOptions = new ClientSecretCredentialOptions();
                if (_options.AuthorityHost is { } authority)
                {
                    credentialOptions.AuthorityHost = authority;
                }

                _credential = new ClientSecretCredential(_options.TenantId, _options.ClientId, _options.ClientSecret, credentialOptions);
            }

            var token = await _credential.GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken);
            _token = token;
            return token.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
