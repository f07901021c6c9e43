using System.Net;
using System.Text.Json;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Web;

/// <summary>The login form's answers, "Ingen adgang", "Siden findes ikke", what the API leaves out, and the headers on every answer.</summary>
[Collection(WebAccessCollection.Name)]
public sealed class LoginTests(WebAccessFixture fixture)
{
    [Fact]
    public async Task A_wrong_password_keeps_the_name_in_the_form_and_the_fifth_makes_the_name_wait_even_for_the_right_one()
    {
        const string user = WebAccessFixture.ThrottledUser;
        using var http = WebLogin.Anonymous(fixture.Server.WebPort);
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal($"/konto/login?fejl=1&bruger={user}", await WebLogin.PostLoginAsync(http, user, "forkert"));
        }

        var form = await http.GetStringAsync(new Uri($"/konto/login?fejl=1&bruger={user}", UriKind.Relative));
        Assert.Contains("Forkert brugernavn eller adgangskode.", form, StringComparison.Ordinal);
        Assert.Contains($"name=\"username\" value=\"{user}\"", form, StringComparison.Ordinal);

        Assert.Equal($"/konto/login?fejl=vent&minutter=1&bruger={user}", await WebLogin.PostLoginAsync(http, user, "forkert"));
        Assert.Equal($"/konto/login?fejl=vent&minutter=1&bruger={user}", await WebLogin.PostLoginAsync(http, user, WebAccessFixture.Password(user)));
        var waiting = await http.GetStringAsync(new Uri($"/konto/login?fejl=vent&minutter=1&bruger={user}", UriKind.Relative));
        Assert.Contains("For mange forkerte forsøg. Prøv igen om et minut.", waiting, StringComparison.Ordinal);

        // The name waits, not the address: another user there logs in.
        using var other = WebLogin.Anonymous(fixture.Server.WebPort);
        Assert.Equal("/beskeder", await WebLogin.PostLoginAsync(other, "2001", WebAccessFixture.Password("2001")));
    }

    [Fact]
    public async Task A_user_on_a_page_outside_their_roles_is_told_so_and_shown_the_way_back()
    {
        var staff = fixture.Client(Role.Staff);

        using var console = await staff.GetAsync(new Uri("/omstilling", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        var page = await staff.GetStringAsync(console.Headers.Location);

        Assert.Contains("<h1>Ingen adgang</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Du er logget ind som <strong>Birgitte Holst</strong>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/beskeder\">Tilbage til din forside</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"password\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.Staff, "/findes-ikke", "/beskeder")]
    [InlineData(Role.Operator, "/omstilling/findes-ikke", "/omstilling")]
    [InlineData(Role.Admin, "/beskeder/findes-ikke.html", "/afdelinger")]
    public async Task A_logged_in_user_at_an_address_that_is_no_page_gets_the_apps_page_saying_so_with_status_404(Role role, string path, string home)
    {
        using var response = await fixture.Client(role).GetAsync(new Uri(path, UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Siden findes ikke</h1>", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{home}\">Tilbage til din forside</a>", page, StringComparison.Ordinal);
        Assert.Contains("class=\"topbar\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_that_is_no_page_tells_an_outsider_nothing_and_the_api_and_the_management_listener_keep_a_bare_404()
    {
        using var outsider = await fixture.Client(Role.Anonymous).GetAsync(new Uri("/findes-ikke", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, outsider.StatusCode);
        Assert.Contains("/konto/login?", outsider.Headers.Location?.OriginalString, StringComparison.Ordinal);

        using var api = await fixture.Client(Role.Admin).GetAsync(new Uri("/api/findes-ikke", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain("Siden findes ikke", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var monitoring = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{fixture.Server.ManagementPort}") };
        using var management = await monitoring.GetAsync(new Uri("/findes-ikke", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, management.StatusCode);
        Assert.Equal("", await management.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("54731000", "2026-12-01T10:00", "da")]
    [InlineData("54731000", "2026-12-24T19:00", "en")]
    [InlineData("54732041", "2026-12-05T23:00", "da")]
    [InlineData("2012", "2026-12-01T10:00", "da")]
    [InlineData("99999999", "2026-12-01T10:00", "da")]
    public async Task The_explanation_names_the_rule_and_no_file_of_the_server(string number, string at, string lang)
    {
        using var response = await fixture.Client(Role.Operator).GetAsync(new Uri($"/api/explain?number={number}&at={at}&lang={lang}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(text).RootElement;
        Assert.False(string.IsNullOrEmpty(json.GetProperty("rule").GetString()), text);
        Assert.False(json.TryGetProperty("ruleSource", out _), text);
        Assert.DoesNotContain(".yaml", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd('/'))!, text, StringComparison.Ordinal);
        Assert.DoesNotContain("()", json.GetProperty("summary").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_question_to_the_api_is_answered_in_danish_without_the_servers_details()
    {
        using var response = await fixture.Client(Role.Operator).GetAsync(new Uri("/api/explain?number=54731000&at=i-morgen", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at skal være en lokal tid som 2026-12-24T19:00", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain(AppContext.BaseDirectory.TrimEnd('/'), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/health", false)]
    [InlineData("/api/status", false)]
    [InlineData("/api/calls/events", false)]
    [InlineData("/omstilling", false)]
    [InlineData("/konto/login", false)]
    [InlineData("/_framework/blazor.web.js", false)]
    [InlineData("/findes-ikke.txt", false)]
    [InlineData("/api/status", true)]
    [InlineData("/konto/login", true)]
    public async Task Every_answer_carries_the_security_headers(string path, bool management)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{(management ? fixture.Server.ManagementPort : fixture.Server.WebPort)}"),
        };

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none';", csp, StringComparison.Ordinal);
        Assert.Contains($"connect-src 'self' ws://{http.BaseAddress.Authority}", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        if (!path.EndsWith(".js", StringComparison.Ordinal))
        {
            Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control {response.Headers.CacheControl}");
        }
    }
}
