using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Omstilling.Web.Security;

namespace Omstilling.Web.Tests.Security;

public sealed class ErrorAnswerTests
{
    /// <summary>Even as Development, where ASP.NET Core would show the exception page with the stack trace.</summary>
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_failure_inside_the_server_is_answered_with_a_plain_problem_and_the_headers(string environment)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.UseMiddleware<SecurityHeaders>();
        ErrorAnswers.Use(app);
        app.MapGet("/fejl", string () => throw new InvalidOperationException("/srv/omstilling/config/guldborgsund.yaml:35:3 is broken"));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using var response = await http.GetAsync(new Uri("/fejl", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(ErrorAnswers.Title, body, StringComparison.Ordinal);
        Assert.DoesNotContain("yaml", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", body, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        await app.StopAsync();
    }
}
