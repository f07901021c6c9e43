namespace Omstilling.Web.Auth;

/// <summary>Endpoint metadata: the endpoint is served on the management listener too (see <see cref="ManagementListener"/>).</summary>
public sealed class ManagementEndpoint
{
    private ManagementEndpoint()
    {
    }

    public static ManagementEndpoint Instance { get; } = new();
}
