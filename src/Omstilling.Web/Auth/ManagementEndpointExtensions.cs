using Microsoft.AspNetCore.Builder;

namespace Omstilling.Web.Auth;

/// <summary>Marks endpoints with <see cref="ManagementEndpoint"/>.</summary>
public static class ManagementEndpointExtensions
{
    public static TBuilder ServedOnManagementListener<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(ManagementEndpoint.Instance);
    }
}
