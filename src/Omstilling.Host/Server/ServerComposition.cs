using System.Net;
using Omstilling.Calls;
using Omstilling.Calls.Control;
using Omstilling.Calls.Media;
using Omstilling.Calls.Trunks;
using Omstilling.Calls.Voicemail;
using Omstilling.Directory;
using Omstilling.Directory.Live;
using Omstilling.Host.Accounts;
using Omstilling.Host.Cli;
using Omstilling.Host.Demo;
using Omstilling.Host.Directories;
using Omstilling.Host.Web;
using Omstilling.History;
using Omstilling.Media;
using Omstilling.Media.Audio;
using Omstilling.Media.Clock;
using Omstilling.Media.Prompts;
using Omstilling.Policy;
using Omstilling.Policy.Schedule;
using Omstilling.Runtime;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;
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
using Omstilling.Web.Messages;
using Omstilling.Web.Staff;
using Omstilling.Web.Voicemail;

namespace Omstilling.Host.Server;

/// <summary>
/// The one place where the server's parts are made and wired to each other (the composition
/// root): the policy, the database, the directory, the staff's state, the call engine, the
/// history and the web platform. Nothing listens yet; the hosted services (Server/Services) start
/// and stop the parts in order. A part that cannot be made is a <see cref="ServerStartException"/>.
/// </summary>
internal static partial class ServerComposition
{
    public static async Task<ServerParts> ComposeAsync(RunOptions options, IServiceProvider services, CancellationToken cancellationToken)
    {
        var meters = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var logger = loggers.CreateLogger("Omstilling");
        var owned = new OwnedResources();
        try
        {
            return await ComposeAsync(options, meters, loggers, logger, owned, cancellationToken);
        }
        catch
        {
            await owned.DisposeAsync();
            throw;
        }
    }

    private static async Task<ServerParts> ComposeAsync(RunOptions options, System.Diagnostics.Metrics.IMeterFactory meters, ILoggerFactory loggers, ILogger logger, OwnedResources owned, CancellationToken cancellationToken)
    {
        var policyFile = options.PolicyFile ?? PolicyFiles.Default();
        if (!PolicyProvider.TryCreate(policyFile, loggers.CreateLogger<PolicyProvider>(), out var policyProvider, out var loaded))
        {
            foreach (var diagnostic in loaded.Diagnostics)
            {
                LogPolicyDiagnostic(logger, diagnostic.ToString());
            }

            throw new ServerStartException($"the telephone policy {policyFile} has errors (see above)");
        }

        var policy = policyProvider.Current;
        var time = ClockFor(options, policy, logger);

        // Every place where outside input or a callback meets our code contains its failures here,
        // and a task nobody awaited that failed is counted too, instead of vanishing.
        var faults = new FaultMonitor(loggers, time);
        owned.Own(UnobservedTasks.Contain(faults));

        // --tls-cert: read now, so a certificate that cannot be used stops the start before any port is bound.
        var tls = owned.Own(new TlsWiring(options));
        tls.Load(time, loggers);

        var pbxOptions = new PbxOptions { DigestAlgorithms = options.DigestAlgorithms };
        var accounts = new InMemoryAccountStore();
        if (!AccountSync.TryLoad(options.DataDirectory, options.Demo, pbxOptions.Realm, accounts, out var accountProblem))
        {
            throw new ServerStartException(accountProblem);
        }

        var stack = owned.Own(new SipStack(new SipStackOptions { UserAgent = "Omstilling", Abuse = AbuseArguments.For(options) }, time, loggers, faults, meters));
        var mediaAddress = options.MediaAddress ?? NetworkAddresses.Default(options.Bind);
        var mediaOptions = MediaOptionsFor(options, mediaAddress);
        var clock = owned.Own(new MediaClock(loggers.CreateLogger<MediaClock>(), faults, mediaOptions.Threads, meters));
        MediaServer media;
        try
        {
            media = owned.Own(new MediaServer(mediaOptions, clock, time, loggers, faults, meters));
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ServerStartException(e.Message, e);
        }

        var prompts = await PromptsAsync(options, policy, cancellationToken);
        var database = await DatabaseAsync(options, loggers, cancellationToken);

        // The directory lives in the database (seeded from the bundled file with the bundled
        // policy), or in the file given with --directory (docs/directory.md).
        var directorySeed = options.PolicyFile is null ? PolicyFiles.DefaultDirectory() : null;
        var directoryKeeper = await DirectoryKeeper.StartAsync(options.DirectoryFile, directorySeed, new DirectoryStore(database, time), policyProvider, faults, logger, cancellationToken)
            ?? throw new ServerStartException($"the staff directory {options.DirectoryFile ?? directorySeed ?? DirectoryStore.SourceName} has errors (see above)");
        owned.Own(directoryKeeper);
        var directory = directoryKeeper.Holder;
        var staff = directory.Current;
        var absences = owned.Own(new AbsenceBook(time, loggers.CreateLogger<AbsenceBook>()));
        if (!CalendarWiring.TryCreate(directory, policyProvider, absences, time, loggers, out var calendarWiring, out var calendarError))
        {
            throw new ServerStartException(calendarError);
        }

        var calendars = owned.Own(calendarWiring);
        GraphDirectorySync? graphDirectory;
        try
        {
            // Microsoft 365's users for the admin page's "Hent fra Microsoft 365", with the calendars' credentials.
            graphDirectory = GraphDirectorySync.Create(Environment.GetEnvironmentVariable, time, loggers.CreateLogger<GraphDirectorySync>());
        }
        catch (InvalidOperationException e)
        {
            throw new ServerStartException(e.Message, e);
        }

        if (graphDirectory is not null)
        {
            owned.Own(graphDirectory);
        }

        if (options.DirectorySync != DirectorySyncMode.Off)
        {
            if (graphDirectory is null || options.DirectoryFile is not null)
            {
                throw new ServerStartException(graphDirectory is null ? $"--directory-sync needs Microsoft Graph: {GraphDirectorySync.NotConfigured}" : "--directory-sync needs the directory in the database, not --directory FILE");
            }

            var syncLoop = owned.Own(new DirectorySyncLoop(new DirectoryImport(new DirectoryStore(database, time)), graphDirectory.Source, graphDirectory.Departments, () => policyProvider.Current, options.DirectorySync, time, loggers.CreateLogger<DirectorySyncLoop>()));
            syncLoop.Start();
        }
        var staffAbsence = owned.Own(new DirectoryAbsence(directory, absences, prompts, policy.TimeZone, faults, loggers.CreateLogger<DirectoryAbsence>()));
        var forwardings = new ForwardingBook(loggers.CreateLogger<ForwardingBook>());
        var staffForwarding = new DirectoryForwarding(directory, forwardings);
        var voicemailFolders = new VoicemailFolders(Path.Combine(options.DataDirectory, "voicemail"));
        var voicemail = owned.Own(new StaffVoicemail(new VoicemailStore(database, time), voicemailFolders, directory, absences, staffAbsence, pbxOptions.Calls.ShortestVoicemail, time, faults, loggers.CreateLogger<StaffVoicemail>()));
        var pbx = new Pbx(stack, media, prompts, accounts, pbxOptions with
        {
            MusicOnHoldPrompt = StandardPrompts.MusicOnHold,
            Trunk = TrunkFor(options),
            Calls = pbxOptions.Calls with { VoicemailFolder = voicemailFolders.Root, MessageWaiting = pbxOptions.Calls.MessageWaiting with { Unsolicited = options.UnsolicitedMwi } },
        }, loggers, faults, policyProvider, meters, new StaffState(staffAbsence, staffForwarding) { Voicemail = voicemail, MessageWaiting = voicemail, ClassOfService = new DirectoryClassOfService(directory) });

        // The staff's state is restored before the first call: absence, then the calendars (so a
        // restore does not undo their codings), forwarding and the voicemail boxes.
        var absencePersistence = owned.Own(new AbsencePersistence(database, absences, time, loggers.CreateLogger<AbsencePersistence>()));
        await absencePersistence.StartAsync(cancellationToken);
        calendars.Start();
        staffAbsence.SpeakAbsentNamesInBackground(time.GetUtcNow());
        var forwardingPersistence = owned.Own(new ForwardingPersistence(database, forwardings, loggers.CreateLogger<ForwardingPersistence>()));
        await forwardingPersistence.StartAsync(cancellationToken);
        await voicemail.StartAsync(cancellationToken);

        // What a dead process left is repaired, and registrations and operators' state are kept, before the history and SIP start.
        owned.Own(await Durability.PlatformDurability.StartAsync(database, pbx, () => directory.Current, time, faults, loggers, cancellationToken));

        var users = new UserStore(database, time);
        var messages = new MessageStore(database, time);
        var accountSync = owned.Own(new AccountSync(options.DataDirectory, accounts, pbx.Registrar, pbx.Srtp, time, faults, logger));
        var demoUsers = options.Demo ? DemoUsers.SeedAsync(users, staff, faults, logger, cancellationToken) : Task.CompletedTask;
        var outbox = options.Smtp is { } smtp
            ? new MailOutbox(smtp, [new PhoneMessageMailSource(messages, users, smtp, policy.TimeZone), new VoicemailMailSource(voicemail.Store, voicemailFolders, smtp, policy.TimeZone)], time, faults, loggers.CreateLogger<MailOutbox>())
            : null;
        var web = new WebPlatform(pbx.Switchboard, pbx.Queues, pbx.Presence, pbx.Events, policyProvider, directory, absences, new CompositeAvailability([new AbsenceAvailability(absences, policy.TimeZone), calendars.Availability]),
            users, messages, outbox, time, policy.TimeZone, faults)
        {
            Forwardings = forwardings,
            ForwardingRules = pbx.ForwardingRules,
            Voicemail = voicemail,
            PhoneAccounts = new PhoneAccountFile(options.DataDirectory, pbxOptions.Realm, accountSync.Reload),
            DirectoryAdmin = new DirectoryAdministration(new DirectoryStore(database, time), policyProvider, directoryKeeper, graphDirectory?.Source, graphDirectory?.Departments),
        }.WithHistory(database, pbx.Marks);

        var recentEvents = new CallEventLog(capacity: 2000);
        owned.Own(pbx.Events.Subscribe("the status API's recent events", recentEvents.Add));

        // The history is written off the calls' threads; at the stop the dispatcher hands it the
        // last events, then it writes what is left (docs/history.md, CallHistoryService).
        var history = new HistoryWriter(database, () => directory.Current, faults, time, loggers.CreateLogger<HistoryWriter>(), meters: meters);
        owned.Own(pbx.Events.Subscribe("the call history", history.Post));
        var retention = owned.Own(new HistoryRetention(database, () => policyProvider.Current.Retention, time, faults, loggers.CreateLogger<HistoryRetention>()));
        return new ServerParts
        {
            Options = options,
            Time = time,
            Faults = faults,
            Loggers = loggers,
            Policy = policyProvider,
            PolicyFile = policyFile,
            Accounts = accounts,
            Stack = stack,
            Tls = tls,
            PbxOptions = pbxOptions,
            Pbx = pbx,
            Media = media,
            Clock = clock,
            MediaAddress = mediaAddress,
            Prompts = prompts,
            Directory = directoryKeeper,
            Voicemail = voicemail,
            Outbox = outbox,
            History = history,
            Retention = retention,
            RecentEvents = recentEvents,
            Web = web,
            DemoUsers = demoUsers,
            Resources = owned,
        };
    }

    /// <summary>The system clock, or one that starts at --at (09:00 with --simulate) and runs on.</summary>
    private static TimeProvider ClockFor(RunOptions options, TelephonePolicy policy, ILogger logger)
    {
        if ((options.StartAt ?? (options.Simulate ? DemoSimulation.Morning(policy, TimeProvider.System) : (DateTime?)null)) is not { } startAt)
        {
            return TimeProvider.System;
        }

        var start = LocalTimeResolver.Resolve(startAt, policy.TimeZone).Instant;
        LogClockShifted(logger, IsoTime.Format(TimeZoneInfo.ConvertTime(start, policy.TimeZone)));
        return ShiftedTimeProvider.StartingAt(start);
    }

    private static TrunkOptions? TrunkFor(RunOptions options) => options.Trunk is { } trunk
        ? new TrunkOptions(new SipEndPoint(options.TrunkTransport, trunk))
        {
            Username = options.TrunkUser,
            Password = options.TrunkPassword,
            Domain = options.TrunkDomain,
            Register = options.TrunkRegister,
        }
        : null;

    private static MediaOptions MediaOptionsFor(RunOptions options, IPAddress address)
    {
        var media = new MediaOptions { Address = address, FirstPort = options.FirstRtpPort, LastPort = options.LastRtpPort };
        return options.MediaThreads is { } threads ? media with { Threads = threads } : media;
    }

    private static async Task<PromptLibrary> PromptsAsync(RunOptions options, TelephonePolicy policy, CancellationToken cancellationToken)
    {
        var spoken = Path.Combine(options.DataDirectory, "prompts", "spoken");
        var bundled = Path.Combine(AppContext.BaseDirectory, "prompts", "da");
        var prompts = new PromptLibrary(
            [Path.Combine(options.DataDirectory, "prompts"), bundled],
            [Path.Combine(bundled, "spoken"), spoken]);
        var errors = prompts.Preload(StandardPrompts.Names).Concat(await EnsurePolicyPromptsAsync(prompts, policy, cancellationToken)).ToList();
        return errors.Count == 0 ? prompts : throw new ServerStartException(string.Join(Environment.NewLine, errors));
    }

    private static async Task<OmstillingDatabase> DatabaseAsync(RunOptions options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var database = new OmstillingDatabase(options.Database ?? DatabaseOptions.EmbeddedIn(options.DataDirectory), loggers);
        try
        {
            await database.MigrateAsync(cancellationToken);
            return database;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new ServerStartException($"the database ({database.Options.Redacted}) cannot be opened: {e.Message}", e);
        }
    }

    /// <summary>
    /// Every prompt the policy needs must exist: a recording, speech of its text (bundled for the
    /// bundled policy), or speech made now with espeak-ng (kept in the data directory). Returns
    /// what is still missing.
    /// </summary>
    public static async Task<IReadOnlyList<string>> EnsurePolicyPromptsAsync(PromptLibrary prompts, TelephonePolicy policy, CancellationToken cancellationToken)
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
}
