using System.Net;
using Omstilling.Calls;
using Omstilling.Calls.Control;
using Omstilling.Calls.Trunks;
using Omstilling.Calls.Voicemail;
using Omstilling.Host.Accounts;
using Omstilling.Host.Demo;
using Omstilling.Host.Directories;
using Omstilling.Host.Web;
using Omstilling.Calls.Media;
using Omstilling.Media;
using Omstilling.Media.Audio;
using Omstilling.Policy;
using Omstilling.Policy.Loading;
using Omstilling.Policy.Schedule;
using Omstilling.Runtime;
using Omstilling.Media.Clock;
using Omstilling.Media.Prompts;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;
using Omstilling.Directory;
using Omstilling.History;
using Omstilling.Directory.Live;
using Omstilling.Directory.Loading;
using Omstilling.Storage;
using Omstilling.Storage.Absences;
using Omstilling.Storage.DirectoryRows;
using Omstilling.Storage.Forwardings;
using Omstilling.Storage.Messages;
using Omstilling.Storage.Users;
using Omstilling.Storage.Voicemail;
using Omstilling.Web;
using Omstilling.Web.Cards;
using Omstilling.Web.DirectoryAdmin;
using Omstilling.Web.Staff;
using Omstilling.Web.Messages;
using Omstilling.Web.Voicemail;

namespace Omstilling.Host.Cli;

/// <summary><c>omstilling run</c>: SIP on every bind address (UDP and TCP) and the web server, until Ctrl+C or SIGTERM.</summary>
internal static partial class RunCommand
{
    public static Task<int> RunAsync(RunOptions options, CancellationToken cancellationToken) => RunAsync(options, started: null, cancellationToken);

    /// <summary>
    /// Runs the server until <paramref name="cancellationToken"/> is cancelled (or Ctrl+C, SIGTERM);
    /// <paramref name="started"/> is given the web app once it listens (the tests read its
    /// endpoints from it).
    /// </summary>
    public static async Task<int> RunAsync(RunOptions options, Action<WebApplication>? started, CancellationToken cancellationToken)
    {
        // The name finds the build's static web assets (omstilling.staticwebassets.*.json), also
        // when the server runs inside another program (the tests).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(RunCommand).Assembly.GetName().Name });
        builder.Logging.SetMinimumLevel(options.LogLevel);
        builder.Logging.AddSimpleConsole(console => console.TimestampFormat = Omstilling.Runtime.IsoTime.LogTimestampFormat);
        builder.Logging.AddFilter("Microsoft.AspNetCore", options.LogLevel < LogLevel.Warning ? LogLevel.Warning : options.LogLevel);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);

        // A web port in use is reported in one line below; the host's own stack trace adds nothing.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        // A circuit's unhandled exception is counted and logged, within its budget, at the web.circuit boundary (CircuitFailureLog).
        builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(Omstilling.Web.Live.CircuitFailureLog.CircuitCategory, LogLevel.None);

        // The cookie keys are kept unencrypted in the data directory (protect it as the database):
        // a key vault or certificate is a deployment's choice, not a warning at every start.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Kestrel listens on :: in dual mode, which takes 0.0.0.0 too: the default (both)
            // is one dual-mode listener (IPv4 alone where the machine has no IPv6).
            var addresses = options.Bind.ToList();
            if (addresses.Contains(IPAddress.Any) && addresses.Contains(IPAddress.IPv6Any))
            {
                addresses.RemoveAll(a => a.Equals(IPAddress.Any) || a.Equals(IPAddress.IPv6Any));
                kestrel.ListenAnyIP(options.WebPort);
            }

            foreach (var address in addresses)
            {
                kestrel.Listen(address, options.WebPort);
            }

            if (options.Management is { } management)
            {
                kestrel.Listen(management);
            }
        });

        // The console's scripts and styles come from the build's static web assets (blazor.web.js
        // from the framework, ours from Omstilling.Web), also when not run as Development.
        builder.WebHost.UseStaticWebAssets();

        // Served from a build (not a publish), the static assets would also watch the web root for
        // files added after the build and serve any of them through a catch-all endpoint: a
        // server serves what it was built with, and nothing else.
        builder.Configuration["ReloadStaticAssetsAtRuntime"] = "false";
        WebPlatform? web = null;
        builder.Services.AddOmstillingWeb(
            () => web ?? throw new InvalidOperationException("The platform is not ready."),
            Path.Combine(options.DataDirectory, "keys"),
            new Omstilling.Web.Auth.ManagementListener(options.Management?.Port));
        builder.Services.AddOmstillingMetrics();
        var app = builder.Build();
        var meters = app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        var loggerFactory = app.Services.GetRequiredService<ILoggerFactory>();
        var logger = loggerFactory.CreateLogger("Omstilling");

        var policyFile = options.PolicyFile ?? PolicyFiles.Default();
        if (!PolicyProvider.TryCreate(policyFile, loggerFactory.CreateLogger<PolicyProvider>(), out var policyProvider, out var loaded))
        {
            foreach (var diagnostic in loaded.Diagnostics)
            {
                LogPolicyDiagnostic(logger, diagnostic.ToString());
            }

            LogStartFailed(logger, $"the telephone policy {policyFile} has errors (see above)");
            return 1;
        }

        var policy = policyProvider.Current;

        TimeProvider time = TimeProvider.System;
        if ((options.StartAt ?? (options.Simulate ? Demo.DemoSimulation.Morning(policy, time) : (DateTime?)null)) is { } startAt)
        {
            var start = LocalTimeResolver.Resolve(startAt, policy.TimeZone).Instant;
            time = ShiftedTimeProvider.StartingAt(start);
            LogClockShifted(logger, Omstilling.Runtime.IsoTime.Format(TimeZoneInfo.ConvertTime(start, policy.TimeZone)));
        }

        // Every place where outside input or a callback meets our code contains its failures here,
        // and a task nobody awaited that failed is counted too, instead of vanishing.
        var faults = new FaultMonitor(loggerFactory, time);
        var unobserved = faults.Boundary("process.unobserved-task");
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            unobserved.Contain(e.Exception, null, "a task nobody awaited");
            e.SetObserved();
        }

        TaskScheduler.UnobservedTaskException += OnUnobserved;
        using var unsubscribe = new Unsubscriber(() => TaskScheduler.UnobservedTaskException -= OnUnobserved);

        var pbxOptions = new PbxOptions { DigestAlgorithms = options.DigestAlgorithms };
        var accounts = new InMemoryAccountStore();
        if (!AccountSync.TryLoad(options.DataDirectory, options.Demo, pbxOptions.Realm, accounts, out var accountProblem))
        {
            LogStartFailed(logger, accountProblem);
            return 1;
        }

        await using var stack = new SipStack(new SipStackOptions { UserAgent = "Omstilling", Abuse = AbuseArguments.For(options) }, time, loggerFactory, faults, meters);
        try
        {
            foreach (var address in options.Bind)
            {
                var endPoint = new IPEndPoint(address, options.SipPort);
                stack.AddTransport(new UdpTransport(endPoint, stack.Options.Limits, faults, loggerFactory.CreateLogger<UdpTransport>()));
                stack.AddTransport(new TcpTransport(endPoint, stack.Options.Limits, faults, loggerFactory.CreateLogger<TcpTransport>()));
            }
        }
        catch (System.Net.Sockets.SocketException e)
        {
            LogStartFailed(logger, $"cannot listen on SIP port {options.SipPort}: {e.Message}");
            return 1;
        }

        var mediaAddress = options.MediaAddress ?? NetworkAddresses.Default(options.Bind);
        var mediaOptions = MediaOptionsFor(options, mediaAddress);
        using var clock = new MediaClock(loggerFactory.CreateLogger<MediaClock>(), faults, mediaOptions.Threads, meters);
        MediaServer media;
        try
        {
            media = new MediaServer(mediaOptions, clock, time, loggerFactory, faults, meters);
        }
        catch (ArgumentOutOfRangeException e)
        {
            LogStartFailed(logger, e.Message);
            return 1;
        }

        await using var mediaLifetime = media;
        var spoken = Path.Combine(options.DataDirectory, "prompts", "spoken");
        var bundled = Path.Combine(AppContext.BaseDirectory, "prompts", "da");
        var prompts = new PromptLibrary(
            [Path.Combine(options.DataDirectory, "prompts"), bundled],
            [Path.Combine(bundled, "spoken"), spoken]);
        var promptErrors = prompts.Preload(StandardPrompts.Names).Concat(await EnsurePolicyPromptsAsync(prompts, policy, cancellationToken)).ToList();
        if (promptErrors.Count > 0)
        {
            foreach (var error in promptErrors)
            {
                LogStartFailed(logger, error);
            }

            return 1;
        }

        var database = new OmstillingDatabase(options.Database ?? DatabaseOptions.EmbeddedIn(options.DataDirectory), loggerFactory);
        try
        {
            await database.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            LogStartFailed(logger, $"the database ({database.Options.Redacted}) cannot be opened: {e.Message}");
            return 1;
        }

        // The directory lives in the database (seeded from the bundled file with the bundled
        // policy), or in the file given with --directory (docs/directory.md).
        var directorySeed = options.PolicyFile is null ? PolicyFiles.DefaultDirectory() : null;
        await using var directoryKeeper = await DirectoryKeeper.StartAsync(options.DirectoryFile, directorySeed, new DirectoryStore(database, time), policyProvider, faults, logger, cancellationToken);
        if (directoryKeeper is null)
        {
            LogStartFailed(logger, $"the staff directory {options.DirectoryFile ?? directorySeed ?? DirectoryStore.SourceName} has errors (see above)");
            return 1;
        }

        var directory = directoryKeeper.Holder;
        var staff = directory.Current;
        using var absences = new AbsenceBook(time, loggerFactory.CreateLogger<AbsenceBook>());
        if (!CalendarWiring.TryCreate(directory, policyProvider, absences, time, loggerFactory, out var calendarWiring, out var calendarError))
        {
            LogStartFailed(logger, calendarError);
            return 1;
        }

        await using var calendars = calendarWiring;
        using var staffAbsence = new DirectoryAbsence(directory, absences, prompts, policy.TimeZone, faults, loggerFactory.CreateLogger<DirectoryAbsence>());
        var forwardings = new ForwardingBook(loggerFactory.CreateLogger<ForwardingBook>());
        var staffForwarding = new DirectoryForwarding(directory, forwardings);
        var voicemailFolders = new VoicemailFolders(Path.Combine(options.DataDirectory, "voicemail"));
        using var voicemail = new StaffVoicemail(new VoicemailStore(database, time), voicemailFolders, directory, absences, staffAbsence, pbxOptions.Calls.ShortestVoicemail, time, faults, loggerFactory.CreateLogger<StaffVoicemail>());
        clock.Start();
        var pbx = new Pbx(stack, media, prompts, accounts, pbxOptions with
        {
            MusicOnHoldPrompt = StandardPrompts.MusicOnHold,
            Trunk = options.Trunk is { } trunk
                ? new TrunkOptions(new SipEndPoint(SipTransportKind.Udp, trunk))
                {
                    Username = options.TrunkUser,
                    Password = options.TrunkPassword,
                    Domain = options.TrunkDomain,
                    Register = options.TrunkRegister,
                }
                : null,
            Calls = pbxOptions.Calls with { VoicemailFolder = voicemailFolders.Root, MessageWaiting = pbxOptions.Calls.MessageWaiting with { Unsolicited = options.UnsolicitedMwi } },
        }, loggerFactory, faults, policyProvider, meters, new StaffState(staffAbsence, staffForwarding) { Voicemail = voicemail, MessageWaiting = voicemail, ClassOfService = new DirectoryClassOfService(directory) });
        await using var absencePersistence = new AbsencePersistence(database, absences, time, loggerFactory.CreateLogger<AbsencePersistence>());
        await absencePersistence.StartAsync(cancellationToken);
        calendars.Start(); // after the book is restored, so a restore does not undo the calendar's codings
        staffAbsence.SpeakAbsentNamesInBackground(time.GetUtcNow());
        await using var forwardingPersistence = new ForwardingPersistence(database, forwardings, loggerFactory.CreateLogger<ForwardingPersistence>());
        await forwardingPersistence.StartAsync(cancellationToken);
        await voicemail.StartAsync(cancellationToken);
        var users = new UserStore(database, time);
        var messages = new MessageStore(database, time);
        using var accountSync = new AccountSync(options.DataDirectory, accounts, pbx.Registrar, time, faults, logger);
        var demoUsers = options.Demo ? DemoUsers.SeedAsync(users, staff, faults, logger, cancellationToken) : Task.CompletedTask;
        await using var outbox = options.Smtp is { } smtp ? new MailOutbox(smtp, [new PhoneMessageMailSource(messages, users, smtp, policy.TimeZone), new VoicemailMailSource(voicemail.Store, voicemailFolders, smtp, policy.TimeZone)], time, faults, loggerFactory.CreateLogger<MailOutbox>()) : null;
        outbox?.Start();
        Action wakeMailer = outbox is null ? () => { } : outbox.Notify; // for each kept voicemail; unhooked before the outbox is disposed
        voicemail.Kept += wakeMailer;
        using var unhookMailer = new Unsubscriber(() => voicemail.Kept -= wakeMailer);
        web = new WebPlatform(pbx.Switchboard, pbx.Queues, pbx.Presence, pbx.Events, policyProvider, directory, absences, new CompositeAvailability([new AbsenceAvailability(absences, policy.TimeZone), calendars.Availability]),
            users, messages, outbox, time, policy.TimeZone, faults) { Forwardings = forwardings, ForwardingRules = pbx.ForwardingRules, Voicemail = voicemail, PhoneAccounts = new PhoneAccountFile(options.DataDirectory, pbxOptions.Realm, accountSync.Reload), DirectoryAdmin = new DirectoryAdministration(new DirectoryStore(database, time), policyProvider, directoryKeeper) }.WithHistory(database, pbx.Marks);

        using var watcher = new PolicyWatcher(policyFile, policyProvider, async (reloaded, token) => await EnsurePolicyPromptsAsync(prompts, reloaded, token), time, faults, logger);
        directoryKeeper.Follow(time);
        var events = new CallEventLog(capacity: 2000);
        using var eventLog = pbx.Events.Subscribe("the status API's recent events", events.Add);

        // The history is written off the calls' threads; at shutdown the dispatcher (disposed first)
        // hands it the last events, then it writes what is left (docs/history.md).
        await using var history = new HistoryWriter(database, () => directory.Current, faults, time, loggerFactory.CreateLogger<HistoryWriter>(), meters: meters);
        history.Start();
        using var historySubscription = pbx.Events.Subscribe("the call history", history.Post);
        using var retention = new HistoryRetention(database, () => policyProvider.Current.Retention, time, faults, loggerFactory.CreateLogger<HistoryRetention>());
        retention.Start();
        voicemail.StartRetention(() => policyProvider.Current.Retention.VoicemailDays);
        pbx.Events.Start();
        await using var dispatcher = pbx.Events;
        await Warmup.RunAsync(options, pbxOptions, prompts, policyProvider, time, logger, cancellationToken); // before SIP answers: the first calls meet compiled code
        await stack.StartAsync(pbx.Server, cancellationToken);
        using var trunkRegistration = pbx.TrunkRegistration;
        trunkRegistration?.Start();
        StatusEndpoints.Map(app, pbx, clock, stack, events, history, faults, options.Diagnostics);
        PolicyEndpoints.Map(app, policyProvider, time);
        MetricsEndpoint.Map(app);
        app.MapOmstillingWeb();
        await demoUsers;
        LogStarted(logger, accounts.Count, options.SipPort, options.WebPort);
        LogMedia(logger, mediaAddress, options.FirstRtpPort, options.LastRtpPort);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            LogStartFailed(logger, $"cannot listen on web port {options.WebPort}{(options.Management is { } m ? $" or the management address {m}" : "")}: {e.Message}");
            return 1;
        }

        started?.Invoke(app);
        await using var simulation = options.Simulate ? Demo.DemoSimulation.Start(OwnSipAddress(options), policy, pbx.Switchboard, time, loggerFactory, faults) : null;
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    /// <summary>Where this server's SIP is reached from this machine: loopback when it listens on every address.</summary>
    private static IPEndPoint OwnSipAddress(RunOptions options) =>
        new(options.Bind.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !a.Equals(IPAddress.Any)) ?? IPAddress.Loopback, options.SipPort);

    private static MediaOptions MediaOptionsFor(RunOptions options, IPAddress address)
    {
        var media = new MediaOptions { Address = address, FirstPort = options.FirstRtpPort, LastPort = options.LastRtpPort };
        return options.MediaThreads is { } threads ? media with { Threads = threads } : media;
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Omstilling started with {Accounts} accounts: SIP port {SipPort}, web port {WebPort}")]
    private static partial void LogStarted(ILogger logger, int accounts, int sipPort, int webPort);

    /// <summary>
    /// Every prompt the policy needs must exist: a recording, speech of its text (bundled for the
    /// bundled policy), or speech made now with espeak-ng (kept in the data directory). Returns
    /// what is still missing.
    /// </summary>
    private static async Task<List<string>> EnsurePolicyPromptsAsync(PromptLibrary prompts, Omstilling.Policy.TelephonePolicy policy, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        foreach (var (name, text) in PolicyPrompts.Required(policy))
        {
            try
            {
                await prompts.EnsureAsync(PolicyPrompts.Key(name), text, cancellationToken);
                prompts.Get(PolicyPrompts.Key(name));
            }
            catch (Exception e) when (e is AudioFormatException or InvalidOperationException)
            {
                errors.Add(e.Message);
            }
        }

        return errors;
    }

    [LoggerMessage(EventId = 9004, Level = LogLevel.Warning, Message = "Policy: {Diagnostic}")]
    private static partial void LogPolicyDiagnostic(ILogger logger, string diagnostic);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Warning, Message = "The clock starts at {Start} (--at, or 09:00 with --simulate) and runs on from there")]
    private static partial void LogClockShifted(ILogger logger, string start);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Information, Message = "Media on {Address}, RTP ports {First}-{Last}")]
    private static partial void LogMedia(ILogger logger, IPAddress address, int first, int last);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Critical, Message = "Omstilling cannot start: {Reason}")]
    private static partial void LogStartFailed(ILogger logger, string reason);
}
