using Omstilling.Calendars.Graph;
using Omstilling.Directory.Loading.Accounts;

namespace Omstilling.Calendars.Tests;

/// <summary>The directory sync's reading of Graph <c>/users</c> against a local server that answers in the documented shapes.</summary>
public sealed class GraphUserSourceTests : IDisposable
{
    private static readonly DateTimeOffset Now = Harness.Local(2026, 12, 7, 10, 30);

    private readonly LocalHttpServer _server;
    private readonly GraphTestTokens _tokens = new();
    private readonly ListLogger _log = new();

    public GraphUserSourceTests()
    {
        _server = new LocalHttpServer(Answer);
    }

    private Func<LocalHttpServer.Request, LocalHttpServer.Reply?> Override { get; set; } = _ => null;

    private LocalHttpServer.Reply Answer(LocalHttpServer.Request request)
    {
        if (Override(request) is { } reply)
        {
            return reply;
        }

        if (request.Path == "/v1.0/users" && request.Method == "GET")
        {
            return request.RawUrl.Contains("skiptoken", StringComparison.Ordinal)
                ? new(200, GraphUsersJson.Page(null, GraphUsersJson.User("3", "Camilla Holm", "camilla.holm@guldborgsund.example", "Teamleder", "Borgerservice", enabled: null)))
                : new(200, GraphUsersJson.Page(
                    new Uri(_server.BaseUrl, "v1.0/users?$select=id,displayName&$top=999&$skiptoken=side2").ToString(),
                    GraphUsersJson.User("1", "Anne Sørensen", "anne.soerensen@guldborgsund.example", "Borgerservicemedarbejder", "Borgerservice", true, "+45 20 30 40 50", "2010", "+45 54 73 21 10"),
                    GraphUsersJson.User("2", "Bo Jensen", "bo.jensen@guldborgsund.example", null, "Borgerservice", false)));
        }

        return new(404, """{"error":{"code":"Request_ResourceNotFound","message":"No such thing."}}""");
    }

    private GraphUserSource Source(TimeProvider time) =>
        new(new GraphOptions("tenant", "client", "secret", new Uri(_server.BaseUrl, "v1.0")), _tokens, time, _log);

    [Fact]
    public async Task Users_are_read_with_the_selected_properties_over_every_page_of_the_next_link()
    {
        using var source = Source(TimeProvider.System);

        var accounts = await source.ReadAsync(CancellationToken.None);

        Assert.Equal(["Anne Sørensen", "Bo Jensen", "Camilla Holm"], accounts.Select(a => a.Name));
        Assert.Equal(2, _server.Count("/users"));
        var first = Uri.UnescapeDataString(_server.Requests.First().RawUrl);
        Assert.Contains("$select=id,displayName,givenName,surname,jobTitle,department,mail,businessPhones,mobilePhone,accountEnabled", first, StringComparison.Ordinal);
        Assert.Contains("$top=999", first, StringComparison.Ordinal);
        Assert.Contains("$skiptoken=side2", Uri.UnescapeDataString(_server.Requests.Last().RawUrl), StringComparison.Ordinal);
        var anne = accounts[0];
        Assert.Equal(("1", true, "Borgerservicemedarbejder", "Borgerservice", "anne.soerensen@guldborgsund.example", "+45 20 30 40 50"), (anne.Id, anne.Enabled, anne.JobTitle, anne.Department, anne.Mail, anne.MobilePhone));
        Assert.Equal(["2010", "+45 54 73 21 10"], anne.BusinessPhones.ToArray());
        Assert.False(accounts[1].Enabled);
        Assert.Null(accounts[1].JobTitle);
        Assert.True(accounts[2].Enabled); // accountEnabled not given: not disabled
    }

    [Fact]
    public async Task Throttling_429_with_Retry_After_3_is_retried_after_three_seconds_of_the_clock_and_not_before()
    {
        var throttled = 0;
        Override = r => r.Path == "/v1.0/users" && Interlocked.Increment(ref throttled) == 1
            ? new(429, """{"error":{"code":"TooManyRequests","message":"Please retry again later."}}""", Headers: [("Retry-After", "3")])
            : null;
        var clock = new SignallingClock(Now);
        using var source = Source(clock);

        var read = source.ReadAsync(CancellationToken.None);
        await clock.TimerSetAsync(TimeSpan.FromSeconds(3));
        clock.Advance(TimeSpan.FromMilliseconds(2999));
        var before = _server.Count("/users");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var accounts = await read;

        Assert.Equal(1, before);
        Assert.Equal(3, _server.Count("/users"));
        Assert.Equal(3, accounts.Count);
        Assert.Contains(_log.Entries, e => e.EventId == 5013);
    }

    [Fact]
    public async Task An_expired_token_is_renewed_once_and_the_page_asked_for_again()
    {
        Override = r => r.Authorization == "Bearer t1"
            ? new(401, """{"error":{"code":"InvalidAuthenticationToken","message":"Lifetime validation failed, the token is expired."}}""")
            : null;
        using var source = Source(TimeProvider.System);

        var accounts = await source.ReadAsync(CancellationToken.None);

        Assert.Equal(3, accounts.Count);
        Assert.Equal([false, true, false], _tokens.Asked);
        Assert.Equal(["Bearer t1", "Bearer t2", "Bearer t2"], _server.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task A_refusal_is_an_account_source_error_that_says_what_Graph_answered()
    {
        Override = _ => new(403, """{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}""");
        using var source = Source(TimeProvider.System);

        var e = await Assert.ThrowsAsync<DirectoryAccountSourceException>(() => source.ReadAsync(CancellationToken.None));

        Assert.Equal("Microsoft Graph /users answered 403 Authorization_RequestDenied: Insufficient privileges to complete the operation.", e.Message);
    }

    [Fact]
    public async Task A_server_that_keeps_throttling_is_given_up_after_three_retries()
    {
        Override = _ => new(429, """{"error":{"code":"TooManyRequests","message":"Please retry again later."}}""", Headers: [("Retry-After", "0")]);
        using var source = Source(TimeProvider.System);

        var e = await Assert.ThrowsAsync<DirectoryAccountSourceException>(() => source.ReadAsync(CancellationToken.None));

        Assert.StartsWith("Microsoft Graph /users answered 429 TooManyRequests", e.Message, StringComparison.Ordinal);
        Assert.Equal(1 + GraphRetryHandler.MaxRetries, _server.Count("/users"));
    }

    public void Dispose() => _server.Dispose();
}
