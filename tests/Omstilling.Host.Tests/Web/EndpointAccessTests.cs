using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Omstilling.Host.Tests.Support;
using Omstilling.Web.Auth;

namespace Omstilling.Host.Tests.Web;

/// <summary>
/// Every endpoint and page the server maps, read from its own <see cref="EndpointDataSource"/>
/// (so a new one cannot be left out), asked without a login and with each role, on the web port
/// and on the management listener, and held against the access table below (docs/security.md).
/// </summary>
[Collection(WebAccessCollection.Name)]
public sealed class EndpointAccessTests(WebAccessFixture fixture)
{
    /// <summary>
    /// Who each endpoint is for, by "METHOD pattern". Static files are open and found by their
    /// metadata. An endpoint that is not here fails the test: decide who it is for, add it here
    /// and to docs/security.md.
    /// </summary>
    private static readonly Dictionary<string, Access> Table = new(StringComparer.Ordinal)
    {
        ["GET /api/health"] = Access.Open,
        ["GET /api/status"] = Access.Admin,
        ["POST /api/diagnostics/gc"] = Access.Admin,
        ["GET /api/calls/events"] = Access.Admin,
        ["GET /metrics"] = Access.Admin,
        ["GET /api/explain"] = Access.Switchboard,
        ["GET /kontakt"] = Access.Open,
        ["GET /kontakt.json"] = Access.Open,
        ["GET /konto/login"] = Access.Open,
        ["POST /konto/login"] = Access.Open,
        ["POST /konto/log-ind"] = Access.Open,
        ["POST /konto/log-ud"] = Access.Open,
        ["GET /konto/ingen-adgang"] = Access.LoggedIn,
        ["POST /konto/ingen-adgang"] = Access.LoggedIn,
        ["GET /ikke-fundet"] = Access.LoggedIn,
        ["POST /ikke-fundet"] = Access.LoggedIn,
        ["GET /"] = Access.LoggedIn,
        ["POST /"] = Access.LoggedIn,
        ["GET /beskeder"] = Access.LoggedIn,
        ["POST /beskeder"] = Access.LoggedIn,
        ["GET /mine-opkald"] = Access.LoggedIn,
        ["POST /mine-opkald"] = Access.LoggedIn,
        ["GET /mit-fravaer"] = Access.LoggedIn,
        ["POST /mit-fravaer"] = Access.LoggedIn,
        ["GET /min-telefonsvarer"] = Access.LoggedIn,
        ["POST /min-telefonsvarer"] = Access.LoggedIn,
        ["GET /min-telefonsvarer/beskeder/{id:guid}.wav"] = Access.LoggedIn,
        ["GET /min-telefonsvarer/hilsen/{kind}.wav"] = Access.LoggedIn,
        ["GET /faelles-telefonsvarere"] = Access.SharedVoicemail,
        ["POST /faelles-telefonsvarere"] = Access.SharedVoicemail,
        ["GET /omstilling"] = Access.Switchboard,
        ["POST /omstilling"] = Access.Switchboard,
        ["GET /tavle"] = Access.Switchboard,
        ["POST /tavle"] = Access.Switchboard,
        ["GET /afdelinger"] = Access.Notices,
        ["POST /afdelinger"] = Access.Notices,
        ["GET /afdelinger/medarbejdere"] = Access.Notices,
        ["POST /afdelinger/medarbejdere"] = Access.Notices,
        ["GET /rapporter"] = Access.Reports,
        ["POST /rapporter"] = Access.Reports,
        ["GET /rapporter/csv"] = Access.Reports,
        ["GET /rapporter/opkald"] = Access.Reports,
        ["POST /rapporter/opkald"] = Access.Reports,
        ["GET /brugere"] = Access.Admin,
        ["POST /brugere"] = Access.Admin,
        ["GET /vidensdatabase"] = Access.Admin,
        ["POST /vidensdatabase"] = Access.Admin,
        ["GET /vidensdatabase/eksport.yaml"] = Access.Admin,

        // Blazor's connection for the interactive pages (endpoints without a method answer any;
        // they are asked with GET), and its redirect for enhanced navigation: only for those who
        // may open a page.
        ["GET /_blazor"] = Access.LoggedIn,
        ["GET /_blazor/negotiate"] = Access.LoggedIn,
        ["GET /_blazor/disconnect/"] = Access.LoggedIn,
        ["GET /_blazor/initializers/"] = Access.LoggedIn,
        ["GET /_framework/opaque-redirect"] = Access.LoggedIn,
    };

    /// <summary>What an endpoint needs to answer at all, so that it is asked as it is used.</summary>
    private static readonly Dictionary<string, string> Queries = new(StringComparer.Ordinal)
    {
        ["/api/explain"] = "?number=54731000",
    };

    /// <summary>
    /// The path each endpoint with route parameters is asked by (its pattern's sample): one that is
    /// nobody's, so the answer says only whether the role was let through (a user's own voicemail
    /// answers 404 for any other id; MyVoicemailPageTests asks for real ones).
    /// </summary>
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["/min-telefonsvarer/beskeder/{id:guid}.wav"] = "/min-telefonsvarer/beskeder/0190f0c2a0d97c3e9f4a1b2c3d4e5f60.wav",
        ["/min-telefonsvarer/hilsen/{kind}.wav"] = "/min-telefonsvarer/hilsen/personal.wav",
    };

    private static readonly Role[] Roles = [Role.Anonymous, Role.Operator, Role.Staff, Role.DepartmentHead, Role.Admin];

    [Fact]
    public void Every_endpoint_is_in_the_access_table_or_a_static_file()
    {
        var unknown = Endpoints().Where(e => !e.IsStatic && !Table.ContainsKey(e.Key)).Select(e => $"{e.Key} ({Describe(e.Route)})").ToList();
        var gone = Table.Keys.Except(Endpoints().Select(e => e.Key)).ToList();

        Assert.True(unknown.Count == 0, "Endpoints without a line in the access table (decide who they are for):\n" + string.Join('\n', unknown));
        Assert.True(gone.Count == 0, "Lines of the access table that the server no longer maps:\n" + string.Join('\n', gone));
        Assert.Contains(Endpoints(), e => e.IsStatic && e.Path.EndsWith("blazor.web.js", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_endpoint_and_page_answers_each_role_as_the_access_table_says()
    {
        var wrong = new List<string>();
        var seen = new StringBuilder();
        foreach (var endpoint in Endpoints().Where(e => !e.IsStatic))
        {
            var access = Table[endpoint.Key];
            foreach (var role in Roles)
            {
                using var response = await SendAsync(fixture.Client(role), endpoint);
                var expected = Expected(access, role, endpoint.IsPage);
                var actual = Verdict(response);
                seen.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{endpoint.Key,-30} {role,-15} {(int)response.StatusCode} {actual}");
                if (actual != expected)
                {
                    wrong.Add($"{endpoint.Key} as {role}: expected {expected}, got {(int)response.StatusCode} {actual}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong) + "\n\nAll answers:\n" + seen);
    }

    [Fact]
    public async Task Without_a_login_only_the_health_probe_the_login_the_contact_page_and_static_files_answer_and_static_files_do()
    {
        var anonymous = fixture.Client(Role.Anonymous);
        var open = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            using var response = await SendAsync(anonymous, endpoint);
            if (Verdict(response) == Allowed)
            {
                open.Add(endpoint.Key);
            }

            if (endpoint.IsStatic)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{endpoint.Key}: {(int)response.StatusCode}");
            }
        }

        Assert.Equal(
            ["GET /api/health", "GET /kontakt", "GET /kontakt.json", "GET /konto/login", "POST /konto/log-ind", "POST /konto/log-ud", "POST /konto/login"],
            open.Where(k => !Endpoints().Any(e => e.Key == k && e.IsStatic)).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_management_listener_answers_health_status_and_metrics_without_a_login_and_nothing_else()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{fixture.Server.ManagementPort}") };
        var served = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            using var response = await SendAsync(http, endpoint);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                served.Add($"{endpoint.Key} {(int)response.StatusCode}");
            }
        }

        Assert.Equal(["GET /api/health 200", "GET /api/status 200", "GET /metrics 200", "POST /api/diagnostics/gc 200"], served.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_form_post_needs_its_antiforgery_token()
    {
        var admin = fixture.Client(Role.Admin);
        var forms = Endpoints().Where(e => e.Method == "POST" && !e.Path.StartsWith("/api/", StringComparison.Ordinal) && !e.Path.StartsWith("/_blazor", StringComparison.Ordinal)).ToList();

        Assert.Contains(forms, e => e.Key == "POST /konto/log-ind");
        Assert.Contains(forms, e => e.Key == "POST /konto/log-ud");
        foreach (var form in forms)
        {
            Assert.True(form.Route.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true }, $"{form.Key} does not ask for the antiforgery token");
            // As a role the form is for (the shared voicemail boxes are no administrator's).
            var role = new[] { Role.Admin, Role.Operator, Role.DepartmentHead, Role.Staff }.First(r => Allows(Table[form.Key], r));
            using var response = await SendAsync(role == Role.Admin ? admin : fixture.Client(role), form);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{form.Key} without a token: {(int)response.StatusCode}");
        }

        // The logout above was refused: the admin is still logged in.
        using var still = await admin.GetAsync(new Uri("/api/calls/events", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    private const string Allowed = "allowed";

    private static bool Allows(Access access, Role role) => access switch
    {
        Access.Open => true,
        Access.LoggedIn => role != Role.Anonymous,
        Access.Switchboard => role is Role.Operator or Role.Admin,
        Access.Notices => role is Role.DepartmentHead or Role.Admin,
        Access.Reports => role is Role.DepartmentHead or Role.Admin,
        Access.Admin => role == Role.Admin,
        Access.SharedVoicemail => role is Role.Operator or Role.DepartmentHead,
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, null),
    };

    /// <summary>Pages send the browser to the login form, or to "Ingen adgang"; everything else answers 401 or 403.</summary>
    private static string Expected(Access access, Role role, bool isPage) =>
        Allows(access, role) ? Allowed
        : role == Role.Anonymous ? (isPage ? "to the login" : "401")
        : isPage ? "to ingen adgang" : "403";

    /// <summary>What the answer means: refused (401, 403, a redirect to the login or to "Ingen adgang"), or let through (whatever the endpoint then said).</summary>
    private static string Verdict(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized => "401",
        HttpStatusCode.Forbidden => "403",
        HttpStatusCode.Redirect or HttpStatusCode.Found when response.Headers.Location?.OriginalString is { } to && to.Contains(AccountEndpoints.LoginPath + "?", StringComparison.Ordinal) => "to the login",
        HttpStatusCode.Redirect or HttpStatusCode.Found when response.Headers.Location?.OriginalString is { } to && to.Contains(AccountEndpoints.NoAccessPath, StringComparison.Ordinal) => "to ingen adgang",
        _ => Allowed,
    };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, Mapped endpoint)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), new Uri(endpoint.Asked + Queries.GetValueOrDefault(endpoint.Path, ""), UriKind.Relative));
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new FormUrlEncodedContent([]);
        }

        return await http.SendAsync(request);
    }

    private IReadOnlyList<Mapped> Endpoints()
    {
        var list = new List<Mapped>();
        foreach (var route in fixture.Server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var path = "/" + (route.RoutePattern.RawText ?? "").TrimStart('/');
            var asked = route.RoutePattern.Parameters.Count == 0 ? path : Samples.GetValueOrDefault(path);
            Assert.True(asked is not null, $"{path} has route parameters: give the test a sample path in Samples ({Describe(route)})");
            foreach (var method in route.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                list.Add(new Mapped(method, path, route) { Asked = asked });
            }
        }

        return list;
    }

    private static string Describe(RouteEndpoint endpoint) =>
        $"{endpoint.DisplayName}; metadata: {string.Join(", ", endpoint.Metadata.Select(m => m.GetType().Name).Distinct())}";

    /// <summary>One method of one endpoint, as it is asked.</summary>
    private sealed record Mapped(string Method, string Path, RouteEndpoint Route)
    {
        public string Key => $"{Method} {Path}";

        /// <summary>The path asked: <see cref="Path"/>, or its sample when it has route parameters.</summary>
        public required string Asked { get; init; }

        /// <summary>A file of the build's static web assets (scripts, styles): open to all.</summary>
        public bool IsStatic => Route.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");

        /// <summary>A Razor page asked for by a browser (GET): refused by a redirect rather than a status.</summary>
        public bool IsPage => Method == "GET" && Route.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
    }
}
