using Microsoft.AspNetCore.Http;

namespace Omstilling.Web.Auth;

/// <summary>
/// On the management listener only the endpoints marked <see cref="ManagementEndpoint"/> answer;
/// everything else is 404 there, so a monitoring address never shows a login page or the console.
/// </summary>
internal sealed class ManagementOnly(RequestDelegate next, ManagementListener management)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (management.Serves(context) && context.GetEndpoint()?.Metadata.GetMetadata<ManagementEndpoint>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
