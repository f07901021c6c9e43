using System.Net;
using Omstilling.Host.Tests.Support;
using static Omstilling.Host.Tests.Support.PrometheusText;

namespace Omstilling.Host.Tests.Web;

/// <summary>
/// <c>GET /metrics</c> (docs/metrics.md): Prometheus text for administrators and on the management
/// listener, refused to everyone else; and a real call over SIP shows in its counters with the
/// labels a dashboard selects by.
/// </summary>
[Collection(WebAccessCollection.Name)]
public sealed class MetricsTests(WebAccessFixture fixture)
{
    private static readonly Uri Metrics = new("/metrics", UriKind.Relative);

    [Fact]
    public async Task Metrics_are_refused_without_a_login_and_to_operators_and_served_to_an_admin_and_on_the_management_listener()
    {
        using var anonymous = await fixture.Client(Role.Anonymous).GetAsync(Metrics);
        using var op = await fixture.Client(Role.Operator).GetAsync(Metrics);
        using var staff = await fixture.Client(Role.Staff).GetAsync(Metrics);
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (anonymous.StatusCode, op.StatusCode, staff.StatusCode));

        using var admin = await fixture.Client(Role.Admin).GetAsync(Metrics);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.StartsWith("text/plain", admin.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var samples = Parse(await admin.Content.ReadAsStringAsync());
        Assert.Contains(samples, s => s.Name == "omstilling_calls_active");
        Assert.Contains(samples, s => s.Name == "omstilling_history_backlog");
        Assert.Contains(samples, s => s.Name == "omstilling_rtp_streams");
        Assert.Contains(samples, s => s.Name == "dotnet_gc_collections_total");

        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{fixture.Server.ManagementPort}") };
        using var monitored = await management.GetAsync(Metrics);
        Assert.Equal(HttpStatusCode.OK, monitored.StatusCode);
        Assert.Contains(Parse(await monitored.Content.ReadAsStringAsync()), s => s.Name == "omstilling_sip_malformed_total");
    }

    [Fact]
    public async Task A_call_between_two_phones_counts_its_INVITE_its_answer_and_how_it_ended()
    {
        await using var server = await ServerProcess.StartAsync();
        var calleePort = FreePort.Next();
        await Sipp.RegisterAsync("2041", server.SipPort, calleePort);
        var callee = Sipp.RunAsync("uas_answer.xml", server.SipPort, calleePort);
        Assert.True(await FreePort.WaitUntilBoundAsync(calleePort, TimeSpan.FromSeconds(10)), "the callee's SIPp did not start");
        var caller = await Sipp.RunAsync("uac_call_bye.xml", server.SipPort, FreePort.Next(), ("username", "2040"), ("password", "demo2040"), ("callee", "2041"));
        Assert.True(caller.ExitCode == 0, $"caller: {caller}\n{server.Output}");
        Assert.True((await callee).ExitCode == 0);

        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.ManagementPort}") };
        IReadOnlyList<Sample> samples = [];
        Assert.True(
            await Eventually.ReachedAsync(async () =>
            {
                samples = Parse(await management.GetStringAsync(Metrics));
                return Value(samples, "omstilling_calls_finished_total", ("reason", "caller_hung_up")) >= 1;
            }),
            "the finished call was not counted:\n" + string.Join('\n', samples.Where(s => s.Name.StartsWith("omstilling_", StringComparison.Ordinal))));

        Assert.Equal(1, Value(samples, "omstilling_calls_finished_total"));
        Assert.True(Value(samples, "omstilling_sip_requests_total", ("direction", "received"), ("method", "INVITE")) >= 2, "the caller's INVITE, and again with credentials");
        Assert.True(Value(samples, "omstilling_sip_requests_total", ("direction", "sent"), ("method", "INVITE")) >= 1, "the INVITE to the callee");
        Assert.True(Value(samples, "omstilling_sip_responses_total", ("direction", "sent"), ("method", "INVITE"), ("status", "407")) >= 1, "the challenge");
        Assert.True(Value(samples, "omstilling_sip_responses_total", ("direction", "sent"), ("method", "INVITE"), ("status", "200")) >= 1, "the answer to the caller");
        Assert.True(Value(samples, "omstilling_sip_responses_total", ("direction", "received"), ("method", "INVITE"), ("status", "200")) >= 1, "the callee's answer");
        Assert.True(Value(samples, "omstilling_sip_requests_total", ("direction", "received"), ("method", "REGISTER")) >= 1);
        Assert.Equal(1, Value(samples, "omstilling_sip_registrations"));
        Assert.Equal(0, Value(samples, "omstilling_calls_active"));
        Assert.All(samples.Where(s => s.Name.StartsWith("omstilling_sip_requests", StringComparison.Ordinal)), s => Assert.Equal("Omstilling.Sip", s.Labels["otel_scope_name"]));
    }
}
