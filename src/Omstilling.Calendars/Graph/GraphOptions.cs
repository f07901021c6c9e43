namespace Omstilling.Calendars.Graph;

/// <summary>
/// App-only access to Microsoft Graph (client credentials): the app registration's tenant, client
/// id and secret, from the environment or configuration, never the command line (it would show in
/// the process list). Immutable.
/// </summary>
/// <param name="BaseUrl">Graph's root, "https://graph.microsoft.com/v1.0"; tests point it at a local server.</param>
/// <param name="AuthorityHost">The sign-in host, null for the public cloud (login.microsoftonline.com).</param>
public sealed record GraphOptions(string TenantId, string ClientId, string ClientSecret, Uri BaseUrl, Uri? AuthorityHost = null)
{
    public static readonly Uri DefaultBaseUrl = new("https://graph.microsoft.com/v1.0");

    public const string TenantVariable = "OMSTILLING_GRAPH_TENANT";
    public const string ClientIdVariable = "OMSTILLING_GRAPH_CLIENT_ID";
    public const string ClientSecretVariable = "OMSTILLING_GRAPH_CLIENT_SECRET";
    public const string BaseUrlVariable = "OMSTILLING_GRAPH_BASE_URL";
    public const string AuthorityVariable = "OMSTILLING_GRAPH_AUTHORITY";

    /// <summary>
    /// The options from variables (<paramref name="read"/> is <see cref="Environment.GetEnvironmentVariable(string)"/>
    /// or a configuration): null when none of the three credentials is set.
    /// </summary>
    /// <exception cref="InvalidOperationException">Some credentials are set and some are not, or a URL is not one.</exception>
    public static GraphOptions? From(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var tenant = read(TenantVariable);
        var client = read(ClientIdVariable);
        var secret = read(ClientSecretVariable);
        if (string.IsNullOrWhiteSpace(tenant) && string.IsNullOrWhiteSpace(client) && string.IsNullOrWhiteSpace(secret))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(tenant) || string.IsNullOrWhiteSpace(client) || string.IsNullOrWhiteSpace(secret))
        {
            throw new InvalidOperationException($"Microsoft Graph needs all of {TenantVariable}, {ClientIdVariable} and {ClientSecretVariable}; some are missing.");
        }

        return new GraphOptions(tenant.Trim(), client.Trim(), secret, Url(read, BaseUrlVariable) ?? DefaultBaseUrl, Url(read, AuthorityVariable));
    }

    private static Uri? Url(Func<string, string?> read, string variable) => read(variable) is not { Length: > 0 } text ? null
        : Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url
        : throw new InvalidOperationException($"{variable} is not an http(s) URL: '{text}'.");

    /// <summary>Without the secret, for logs.</summary>
    public override string ToString() => $"GraphOptions {{ TenantId = {TenantId}, ClientId = {ClientId}, BaseUrl = {BaseUrl} }}";
}
