using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Web;

/// <summary>With <c>--tls-cert</c> the web port speaks HTTPS only, with HSTS; the management listener stays plain HTTP.</summary>
public sealed class HttpsTests(TlsServerFixture fixture) : IClassFixture<TlsServerFixture>
{
    [Fact]
    public async Task The_web_port_answers_over_https_with_hsts()
    {
        using var https = fixture.HttpsClient();

        using var health = await https.GetAsync(new Uri($"https://127.0.0.1:{fixture.Server.WebPort}/api/health"));
        using var login = await https.GetAsync(new Uri($"https://127.0.0.1:{fixture.Server.WebPort}/login"));

        Assert.True(health.IsSuccessStatusCode, health.ToString());
        Assert.Equal("max-age=31536000", string.Join(",", health.Headers.GetValues("Strict-Transport-Security")));
        Assert.True(login.Headers.Contains("Strict-Transport-Security"), login.ToString());
    }

    [Fact]
    public async Task Plain_http_on_the_web_port_is_not_served()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var served = false;
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{fixture.Server.WebPort}/api/health"));
            served = response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            // The TLS listener closes a connection that does not start with a handshake.
        }

        Assert.False(served);
    }

    [Fact]
    public async Task The_management_listener_stays_plain_http_without_hsts()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        using var health = await http.GetAsync(new Uri($"http://127.0.0.1:{fixture.Server.ManagementPort}/api/health"));

        Assert.True(health.IsSuccessStatusCode);
        Assert.False(health.Headers.Contains("Strict-Transport-Security"));
    }
}
