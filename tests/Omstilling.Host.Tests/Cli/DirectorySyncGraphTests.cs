using Omstilling.Calendars.Graph;
using Omstilling.Calendars.Tests;
using Omstilling.Host.Cli;

namespace Omstilling.Host.Tests.Cli;

/// <summary>
/// <c>omstilling directory sync-graph [--apply]</c> against the local Graph server of the calendar
/// tests: Microsoft 365's users previewed and applied as an import of the directory in the
/// database (SQLite), with the audit log naming the source.
/// </summary>
public sealed class DirectorySyncGraphTests : IDisposable
{
    private const string Domain = "@guldborgsund.example";

    private readonly string _data = System.IO.Directory.CreateTempSubdirectory("omstilling-directory-graph-").FullName;
    private readonly LocalHttpServer _server;
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public DirectorySyncGraphTests()
    {
        _server = new LocalHttpServer(Answer);
        _environment[GraphOptions.TenantVariable] = "tenant";
        _environment[GraphOptions.ClientIdVariable] = "client";
        _environment[GraphOptions.ClientSecretVariable] = "secret";
        _environment[GraphOptions.BaseUrlVariable] = new Uri(_server.BaseUrl, "v1.0").ToString();
    }

    private static string BundledDirectory => Path.Combine(AppContext.BaseDirectory, "config", "guldborgsund-directory.yaml");

    private Func<LocalHttpServer.Request, LocalHttpServer.Reply?> Override { get; set; } = _ => null;

    /// <summary>Two pages: Anne as she is, Camilla with a new title, Søren disabled; Ida new, Ole in a department the directory lacks.</summary>
    private LocalHttpServer.Reply Answer(LocalHttpServer.Request request)
    {
        if (Override(request) is { } reply)
        {
            return reply;
        }

        if (request.Path != "/v1.0/users")
        {
            return new(404, """{"error":{"code":"Request_ResourceNotFound","message":"No such thing."}}""");
        }

        return request.RawUrl.Contains("skiptoken", StringComparison.Ordinal)
            ? new(200, GraphUsersJson.Page(
                null,
                GraphUsersJson.User("4", "Ida Nørgaard", "ida.noergaard" + Domain, "Sagsbehandler", "Borgerservice", true, "+45 20 30 40 99", "2999"),
                GraphUsersJson.User("5", "Ole Ukendt", "ole.ukendt" + Domain, "Planlægger", "Planlægning og Udvikling")))
            : new(200, GraphUsersJson.Page(
                new Uri(_server.BaseUrl, "v1.0/users?$skiptoken=side2").ToString(),
                GraphUsersJson.User("1", "Anne Sørensen", "Anne.Soerensen" + Domain, "Borgerservicemedarbejder", "Borgerservice"),
                GraphUsersJson.User("2", "Camilla Holm", "camilla.holm" + Domain, "Afdelingsleder", "borgerservice"),
                GraphUsersJson.User("3", "Søren Hansen", "soeren.hansen" + Domain, "Borgerservicemedarbejder", "Borgerservice", enabled: false)));
    }

    [Fact]
    public async Task A_sync_previews_new_left_and_changed_people_reports_an_unknown_department_and_applies_with_audit_entries()
    {
        Assert.Equal(0, (await DirectoryAsync("import", BundledDirectory, "--apply", "--data-dir", _data)).Exit);

        var (exit, preview, problems) = await DirectoryAsync("sync-graph", "--data-dir", _data);

        Assert.Equal(0, exit);
        Assert.StartsWith("Areas: 0 new, 0 left, 0 changed\nDepartments: 0 new, 0 left, 0 changed\nPeople: 1 new, 1 left, 1 changed\n", preview, StringComparison.Ordinal);
        Assert.Contains("~ person camilla-holm (Camilla Holm): title, covered-by\n", preview, StringComparison.Ordinal);
        Assert.Contains("- person soeren-hansen (Søren Hansen)\n", preview, StringComparison.Ordinal);
        Assert.Contains("+ person ida-noergaard (Ida Nørgaard)\n", preview, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was changed: run again with --apply to apply these changes.\n", preview, StringComparison.Ordinal);
        Assert.Contains("Microsoft 365:5:1: warning: department 'Planlægning og Udvikling' of Ole Ukendt (ole.ukendt@guldborgsund.example) is not a department of the directory; Ole Ukendt is not added. Add the department to the directory, or map the name in OMSTILLING_GRAPH_DEPARTMENTS.\n", problems, StringComparison.Ordinal);
        Assert.Contains("people of the directory matched no account by e-mail address and are kept as they are", problems, StringComparison.Ordinal);
        Assert.Equal(2, _server.Count("/users"));
        Assert.Equal("ID\tAT\tACTOR\tSOURCE\tCHANGE\tKIND\tENTRY\tBEFORE\tAFTER\n", (await DirectoryAsync("log", "--limit", "1", "--data-dir", _data)).Output.Split('\n')[0] + "\n");
        Assert.DoesNotContain("Microsoft 365", (await DirectoryAsync("log", "--data-dir", _data)).Output, StringComparison.Ordinal);

        var (applied, output, _) = await DirectoryAsync("sync-graph", "--apply", "--data-dir", _data);

        Assert.Equal(0, applied);
        Assert.EndsWith("Applied 3 changes: the directory is at revision 143.\n", output, StringComparison.Ordinal);
        var log = (await DirectoryAsync("log", "--limit", "3", "--data-dir", _data)).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.All(log, entry => Assert.Equal((Environment.UserName, "import Microsoft 365"), (entry[2], entry[3])));
        var camilla = log.Single(e => e[6] == "camilla-holm");
        Assert.Equal("changed", camilla[4]);
        Assert.Contains("title: \"Teamleder\"", camilla[7], StringComparison.Ordinal);
        Assert.Contains("title: \"Afdelingsleder\"", camilla[8], StringComparison.Ordinal);
        Assert.Equal("removed", log.Single(e => e[6] == "soeren-hansen")[4]);
        var ida = log.Single(e => e[6] == "ida-noergaard");
        Assert.Equal("added", ida[4]);
        Assert.Contains("extension: \"2999\"", ida[8], StringComparison.Ordinal);
        Assert.Contains("mobile: \"20304099\"", ida[8], StringComparison.Ordinal);

        var (again, unchanged, _) = await DirectoryAsync("sync-graph", "--data-dir", _data);
        Assert.Equal(0, again);
        Assert.EndsWith("People: 0 new, 0 left, 0 changed\nNothing to change.\n", unchanged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrators_department_map_places_a_name_the_directory_lacks_and_a_map_to_no_department_applies_nothing()
    {
        Assert.Equal(0, (await DirectoryAsync("import", BundledDirectory, "--apply", "--data-dir", _data)).Exit);
        _environment["OMSTILLING_GRAPH_DEPARTMENTS"] = "Planlægning og Udvikling=byggesag";

        var (exit, preview, problems) = await DirectoryAsync("sync-graph", "--data-dir", _data);

        Assert.Equal(0, exit);
        Assert.Contains("+ person ole-ukendt (Ole Ukendt)\n", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("Planlægning", problems, StringComparison.Ordinal);

        _environment["OMSTILLING_GRAPH_DEPARTMENTS"] = "Planlægning og Udvikling=planlaegning";
        var (refused, nothing, error) = await DirectoryAsync("sync-graph", "--apply", "--data-dir", _data);

        Assert.Equal((1, ""), (refused, nothing));
        Assert.StartsWith("Microsoft 365:1:1: error: OMSTILLING_GRAPH_DEPARTMENTS maps 'Planlægning og Udvikling' to 'planlaegning', which is not a department of the directory; expected one of ", error, StringComparison.Ordinal);
        Assert.EndsWith("omstilling directory sync-graph: Microsoft 365 has errors (above); nothing was applied\n", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft 365", (await DirectoryAsync("log", "--data-dir", _data)).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_credentials_or_with_Graph_failing_the_sync_exits_1_and_a_usage_error_exits_2()
    {
        _environment.Clear();
        Assert.Equal(
            (1, "", "omstilling directory sync-graph: Microsoft Graph is not configured; set OMSTILLING_GRAPH_TENANT, OMSTILLING_GRAPH_CLIENT_ID and OMSTILLING_GRAPH_CLIENT_SECRET (docs/directory.md)\n"),
            await DirectoryAsync("sync-graph", "--data-dir", _data));

        _environment[GraphOptions.TenantVariable] = "tenant";
        Assert.Equal(
            (1, "", "omstilling directory sync-graph: Microsoft Graph needs all of OMSTILLING_GRAPH_TENANT, OMSTILLING_GRAPH_CLIENT_ID and OMSTILLING_GRAPH_CLIENT_SECRET; some are missing.\n"),
            await DirectoryAsync("sync-graph", "--data-dir", _data));

        _environment[GraphOptions.ClientIdVariable] = "client";
        _environment[GraphOptions.ClientSecretVariable] = "secret";
        _environment[GraphOptions.BaseUrlVariable] = new Uri(_server.BaseUrl, "v1.0").ToString();
        Override = _ => new(500, """{"error":{"code":"generalException","message":"Boom."}}""");
        Assert.Equal(
            (1, "", "omstilling directory sync-graph: Microsoft Graph /users answered 500 generalException: Boom.; nothing was changed\n"),
            await DirectoryAsync("sync-graph", "--apply", "--data-dir", _data));

        var (usage, _, error) = await DirectoryAsync("sync-graph", "extra", "--data-dir", _data);
        Assert.Equal(2, usage);
        Assert.StartsWith("omstilling directory sync-graph: Unrecognized command or argument 'extra'.", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _server.Dispose();
        System.IO.Directory.Delete(_data, recursive: true);
    }

    private async Task<(int Exit, string Output, string Error)> DirectoryAsync(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exit = await DirectoryCommand.RunAsync(args, output, error, name => _environment.GetValueOrDefault(name), _ => new FixedToken(), CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The token the local server is not particular about (Entra ID cannot be reached from the tests).</summary>
    private sealed class FixedToken : IGraphTokenSource
    {
        public ValueTask<string> GetTokenAsync(bool renew, CancellationToken cancellationToken) => ValueTask.FromResult("t1");
    }
}
