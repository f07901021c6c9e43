using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Metrics;
using Omstilling.Calls.Queues;
using Omstilling.Calls.Routing;
using Omstilling.Calls.Signalling;
using Omstilling.Calls.Signalling.MessageWaiting;
using Omstilling.Calls.Trunks;
using Omstilling.Media;
using Omstilling.Media.Prompts;
using Omstilling.Policy;
using Omstilling.Runtime;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.UserAgent;

namespace Omstilling.Calls;

/// <summary>
/// The call platform wired together on a <see cref="SipStack"/>: authentication, registrar,
/// dial plan, calls and the SIP server that dispatches to them. Start the stack with
/// <see cref="Server"/> as its core.
/// </summary>
public sealed class Pbx
{
    /// <param name="faults">The process's fault boundaries, where the calls' failures are contained (see <see cref="CallManager"/>).</param>
    /// <param name="meters">Where the engine's instruments go (<see cref="CallMetrics"/>, a consumer of <see cref="Events"/>); none without one.</param>
    /// <param name="staff">Who is away and whose calls are forwarded (the staff directory), and how many messages wait in each voicemail box; nobody and none without one.</param>
    public Pbx(SipStack stack, MediaServer media, PromptLibrary prompts, IAccountStore accounts, PbxOptions options, ILoggerFactory loggerFactory, FaultMonitor faults, PolicyProvider? policy = null, IMeterFactory? meters = null, StaffState? staff = null)
    {
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var time = stack.Scheduler.Time;
        Authenticator = new DigestAuthenticator(options.Realm, accounts, new NonceService(stack.Scheduler, options.NonceLifetime))
        {
            Offered = options.DigestAlgorithms,
            Guard = stack.Guard,
        };
        Registrar = new SipRegistrar(Authenticator, new BindingStore(stack.Scheduler, TimeSpan.FromSeconds(30)),
            stack.Options.Abuse is { } abuse ? options.Registrar with { MaxContactsPerAor = abuse.MaxRegistrationsPerAccount } : options.Registrar, time) { Abuse = stack.Options.Abuse };
        DialPlan = new DialPlan(options.PublicNumbers, number => accounts.TryGet(number, out _));
        Media = media;
        Prompts = prompts;
        // One music for hold, transfers and queues without their own: the chosen prompt, else the bundled one.
        var musicOnHold = prompts.Get(prompts.Locate(options.MusicOnHoldPrompt) is null ? StandardPrompts.MusicOnHold : options.MusicOnHoldPrompt);
        Events = new CallEventDispatcher(faults, time, loggerFactory.CreateLogger<CallEventDispatcher>());
        Calls = new CallManager(stack, media, prompts, musicOnHold, DialPlan, Authenticator, Registrar.Bindings, options.Calls, loggerFactory.CreateLogger<CallManager>(), faults, Events, policy, options.Trunk, staff);
        Switchboard = new SwitchboardControl(Calls, Calls.Queues, prompts, loggerFactory.CreateLogger<SwitchboardControl>());
        Marks = new MisroutedMarks(Calls, time);
        Presence = new PhonePresence(Registrar.Bindings, Calls.Activity);
        Registrar.Changed += Calls.Queues.OnBindingsChanged;
        TrunkRegistration = options.Trunk is { Register: true } trunk
            ? new TrunkRegistration(stack, trunk, loggerFactory.CreateLogger<TrunkRegistration>())
            : null;
        var mwiLogger = loggerFactory.CreateLogger<MwiSubscriptions>();
        var unsolicited = new MwiUnsolicitedNotifier(stack, Registrar.Bindings, Calls.Staff.MessageWaiting, Calls.ContactFor, mwiLogger);
        MessageWaiting = new MwiSubscriptions(stack, Authenticator, Calls.Staff.MessageWaiting, unsolicited, options.Calls.MessageWaiting, Calls.ContactFor, faults.Boundary("calls.mwi"), mwiLogger);
        Server = new SipServer(Registrar, Calls, MessageWaiting, new UasRequestChecks(), stack.Options.UserAgent);
        if (meters is not null)
        {
            var metrics = new CallMetrics(meters, () => Calls.ActiveCalls, Calls.Queues.WaitingCounts, () => Registrar.Bindings.Count, () => Events.Dropped, () => Calls.Outbound.Refused);
            _metricsSubscription = Events.Subscribe("the metrics", metrics.OnEvent);
        }
    }

    /// <summary>The metrics' subscription to the events, for as long as the dispatcher runs.</summary>
    private readonly IDisposable? _metricsSubscription;

    public MediaServer Media { get; }

    public PromptLibrary Prompts { get; }

    public DigestAuthenticator Authenticator { get; }

    /// <summary>Each account's SRTP policy; the host replaces it whenever it reads the accounts file.</summary>
    public Omstilling.Calls.Media.SrtpAccounts Srtp => Calls.Srtp;

    public SipRegistrar Registrar { get; }

    public DialPlan DialPlan { get; }

    public CallManager Calls { get; }

    /// <summary>The calls' events for consumers outside the engine; start it with the stack.</summary>
    public CallEventDispatcher Events { get; }

    /// <summary>The console's way into calls.</summary>
    public ISwitchboardControl Switchboard { get; }

    /// <summary>Marks of calls as "fejlstillet" from the web (a person's own calls, the console's call history).</summary>
    public IMisroutedMarks Marks { get; }

    /// <summary>Where a forwarding may go (the phone codes' rules, for the staff web page).</summary>
    public IForwardingRules ForwardingRules => Calls;

    /// <summary>The queues and their members, as the console manages them.</summary>
    public IQueueMembers Queues => Calls.Queues;

    /// <summary>What each extension's phone is doing (offline when none is registered).</summary>
    public IPhonePresence Presence { get; }

    public SipServer Server { get; }

    /// <summary>The phones' message-waiting subscriptions (RFC 3842), told of the voicemail boxes' changes.</summary>
    internal MwiSubscriptions MessageWaiting { get; }

    /// <summary>Our registration with the trunk, when it is configured to register; start it once the stack runs.</summary>
    public TrunkRegistration? TrunkRegistration { get; }
}
