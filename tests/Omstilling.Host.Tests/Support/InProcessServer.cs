using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Omstilling.Host.Cli;
using Omstilling.Storage;
using Omstilling.Storage.Users;

namespace Omstilling.Host.Tests.Support;

/// <summary>
/// The server run inside the test process through <see cref="RunCommand"/>, the composition
/// <c>omstilling run</c> uses, so that a test can read the endpoints it really maps (its
/// <c>EndpointDataSource</c>) and ask each of them over real sockets. Its own ports, data
/// directory and users, made before it starts; a management listener; --diagnostics.
/// </summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task<int> _run;

    private InProcessServer(WebApplication app, int sipPort, int webPort, int managementPort, string dataDirectory, CancellationTokenSource stop, Task<int> run)
    {
        App = app;
        SipPort = sipPort;
        WebPort = webPort;
        ManagementPort = managementPort;
        DataDirectory = dataDirectory;
        _stop = stop;
        _run = run;
    }

    public WebApplication App { get; }

    public int SipPort { get; }

    /// <summary>The server's copy of the bundled policy.</summary>
    public required string PolicyFile { get; init; }

    public int WebPort { get; }

    public int ManagementPort { get; }

    public string DataDirectory { get; }

    /// <param name="surveyPercent">The share of calls the policy copy's survey invites.</param>
    /// <param name="extraArgs">More options of <c>run</c> (e.g. --demo, --at).</param>
    public static async Task<InProcessServer> StartAsync(IReadOnlyList<NewUser> users, int surveyPercent = 0, params string[] extraArgs)
    {
        var data = System.IO.Directory.CreateTempSubdirectory("omstilling-inproc-").FullName;
        var database = new OmstillingDatabase(DatabaseOptions.EmbeddedIn(data));
        await database.MigrateAsync(CancellationToken.None);
        await new UserStore(database, TimeProvider.System).CreateManyAsync(users, CancellationToken.None);

        var (sipPort, webPort, managementPort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var policy = TestPolicy.Write(Path.Combine(data, "policy"), surveyPercent);
        var options = RunOptions.Parse(
        [
            "--bind", "127.0.0.1", "--sip-port", Text(sipPort), "--web-port", Text(webPort), "--management", $"127.0.0.1:{Text(managementPort)}",
            "--data-dir", data, "--diagnostics", "--log-level", "warning", "--policy", policy, "--directory", TestPolicy.Directory,

            // A test's calls still up at its end are ended at once (GracefulStopTests test the drain).
            "--drain-seconds", "0",
            .. extraArgs,
        ]);
        // The start-up warm-up (seconds of calls on a private server) is for production and the
        // bench; the tests of behaviour start many servers and test the warm-up on its own.
        Environment.SetEnvironmentVariable(Warmup.Variable, "off");
        var stop = new CancellationTokenSource();
        var started = new TaskCompletionSource<WebApplication>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = Task.Run(() => RunCommand.RunAsync(options, app => started.TrySetResult(app), stop.Token));
        if (await Task.WhenAny(started.Task, run, Task.Delay(TimeSpan.FromSeconds(60))) != started.Task)
        {
            await stop.CancelAsync();
            throw new InvalidOperationException(run.IsCompleted ? $"The server stopped with {await run} before it listened." : "The server did not listen within 60 s.");
        }

        return new InProcessServer(await started.Task, sipPort, webPort, managementPort, data, stop, run) { PolicyFile = policy };
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        _stop.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(DataDirectory, recursive: true);
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
