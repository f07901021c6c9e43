using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Media;
using Omstilling.Calls.Voicemail;
using Omstilling.Media;
using Omstilling.Media.Clock;
using Omstilling.Media.Prompts;
using Omstilling.Policy;
using Omstilling.Policy.Loading;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;
using Omstilling.Runtime;

namespace Omstilling.Calls.Tests.Support;

/// <summary>The platform on an in-memory network with a fake clock, and phones for extensions 2001-2003.</summary>
internal sealed class B2buaFixture : IAsyncDisposable
{
    public static readonly IPEndPoint ServerAddress = new(IPAddress.Parse("192.0.2.2"), 5060);

    /// <summary>Where the server takes signalling over TLS (the in-memory network's TLS kind: reliable, and secure as <see cref="Omstilling.Sip.Transport.IncomingMessage.IsSecure"/> reads it).</summary>
    public static readonly IPEndPoint SecureServerAddress = new(IPAddress.Parse("192.0.2.2"), 5061);

    private static readonly string[] StandardExtensions = ["100", "2001", "2002", "2003"];
    private static int _ranges = Environment.ProcessId;
    private readonly List<TestPhone> _phones = [];
    private readonly ConcurrentQueue<CallEvent> _events = new();

    /// <summary>Where the trunk is when a fixture has one (<see cref="StartWithTrunkAsync"/>): the telephone network, a <see cref="TrunkAsync"/> phone.</summary>
    public static readonly IPEndPoint TrunkAddress = new(IPAddress.Parse("192.0.2.250"), 5060);

    private B2buaFixture(TelephonePolicy? policy, DateTimeOffset start, IEnumerable<string> extensions, MessageWaitingOptions? messageWaiting, Omstilling.Sip.Security.AbuseLimits? abuse, bool trunk = false)
    {
        Time = new FakeTimeProvider(start);
        Faults = new FaultMonitor(NullLoggerFactory.Instance, Time);
        Server = new SipStack(new SipStackOptions { Abuse = abuse }, Time, NullLoggerFactory.Instance, Faults);
        Server.AddTransport(Network.Attach(SipTransportKind.Udp, ServerAddress));
        Server.AddTransport(Network.Attach(SipTransportKind.Tls, SecureServerAddress));
        var accounts = new InMemoryAccountStore();
        foreach (var ext in StandardExtensions.Concat(extensions).Distinct())
        {
            accounts.Add(SipAccount.FromPassword(ext, "omstilling", "demo" + ext));
        }

        var first = 24000 + (Interlocked.Increment(ref _ranges) % 100 * 100);
        Media = new MediaServer(new MediaOptions { Address = IPAddress.Loopback, FirstPort = first, LastPort = first + 98 }, Clock, TimeProvider.System, NullLoggerFactory.Instance, Faults);
        var bundled = Path.Combine(RepositoryRoot(), "prompts", "da");
        SpokenFolder = System.IO.Directory.CreateTempSubdirectory("omstilling-spoken-").FullName;
        Prompts = new PromptLibrary([bundled], [Path.Combine(bundled, "spoken"), SpokenFolder]);
        VoicemailFolder = Directory.CreateTempSubdirectory("omstilling-voicemail-").FullName;
        Voicemail = new TestVoicemailBoxes(new VoicemailFolders(VoicemailFolder));
        var options = new PbxOptions
        {
            PublicNumbers = policy is null ? new Dictionary<string, string> { ["54731000"] = "100" } : new Dictionary<string, string>(),
            // The test phones send no audio: a message of silence is kept all the same.
            Calls = new CallOptions { VoicemailFolder = VoicemailFolder, ShortestVoicemail = TimeSpan.Zero, MessageWaiting = messageWaiting ?? new MessageWaitingOptions() },
            Trunk = trunk ? new Omstilling.Calls.Trunks.TrunkOptions(new SipEndPoint(SipTransportKind.Udp, TrunkAddress)) : null,
        };
        var provider = policy is null ? null : new PolicyProvider(policy, NullLogger<PolicyProvider>.Instance);
        Pbx = new Pbx(Server, Media, Prompts, accounts, options, NullLoggerFactory.Instance, Faults, provider, staff: new StaffState(Absence, Forwarding) { MessageWaiting = Boxes, Voicemail = Voicemail, ClassOfService = Classes });
        Pbx.Events.Subscribe("the test", e => _events.Enqueue(e));
        Pbx.Events.Start();
    }

    /// <summary>
    /// The bundled Guldborgsund policy, its post-call survey inviting <paramref name="surveyPercent"/>
    /// of the switchboard's callers instead of a random fifth (0 by default, so a test hears the same
    /// prompts every time; the survey's own tests ask for 100).
    /// </summary>
    /// <param name="maxForwardingChain">The policy's <c>forwarding: max-chain</c> (3 in the bundled file).</param>
    public static TelephonePolicy BundledPolicy(int surveyPercent = 0, int maxForwardingChain = 3)
    {
        var file = Path.Combine(RepositoryRoot(), "config", "guldborgsund.yaml");
        const string Bundled = "share-percent: 20 ";
        const string Chain = "max-chain: 3 ";
        var text = File.ReadAllText(file);
        Assert.Contains(Bundled, text, StringComparison.Ordinal);
        Assert.Contains(Chain, text, StringComparison.Ordinal);
        var result = PolicyLoader.Load(
            text.Replace(Bundled, $"share-percent: {surveyPercent} ", StringComparison.Ordinal).Replace(Chain, $"max-chain: {maxForwardingChain} ", StringComparison.Ordinal),
            file);
        Assert.True(result.Succeeded, result.Report());
        return result.Policy!;
    }

    public FakeTimeProvider Time { get; }

    /// <summary>Failures the platform contained (a request answered 500, a call ended as failed).</summary>
    public FaultMonitor Faults { get; }

    /// <summary>Who is coded absent (the directory's absence book stands behind this in the server).</summary>
    public AbsentExtensions Absence { get; } = new();

    /// <summary>Whose calls are forwarded where (the directory's forwarding book stands behind this in the server).</summary>
    public ForwardedExtensions Forwarding { get; } = new();

    /// <summary>Each extension's class of service (national unless a test sets another).</summary>
    public TestClassesOfService Classes { get; } = new();

    /// <summary>How many messages wait in each voicemail box (the voicemail store stands behind this in the server).</summary>
    public TestMessageBoxes Boxes { get; } = new();

    /// <summary>The voicemail boxes: recordings in <see cref="VoicemailFolder"/>, messages and PINs as the test puts them.</summary>
    public TestVoicemailBoxes Voicemail { get; }

    /// <summary>Where speech made during the test goes (names announced on transfer), removed with the fixture.</summary>
    public string SpokenFolder { get; }

    /// <summary>Where voicemail goes (a fresh folder, removed with the fixture).</summary>
    public string VoicemailFolder { get; }

    public InMemoryNetwork Network { get; } = new();

    public SipStack Server { get; }

    public Pbx Pbx { get; }

    public ManualMediaClock Clock { get; } = new();

    public MediaServer Media { get; }

    public PromptLibrary Prompts { get; }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Omstilling.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("repository root not found");
    }

    /// <summary>
    /// Every event so far, in order: waits until the dispatcher has delivered what the engine posted
    /// (events leave the calls' locks, so they arrive a moment after the step that made them).
    /// </summary>
    public IReadOnlyList<CallEvent> Events
    {
        get
        {
            Delivered();
            return [.. _events];
        }
    }

    public SipEndPoint ServerEndPoint => new(SipTransportKind.Udp, ServerAddress);

    /// <summary>The server's secure signalling (<see cref="SecureServerAddress"/>).</summary>
    public SipEndPoint SecureServerEndPoint => new(SipTransportKind.Tls, SecureServerAddress);

    public static Task<B2buaFixture> StartAsync() => StartAsync(null, new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    /// <summary>With a policy (its prompts ready) and the clock at <paramref name="start"/>; phones for more extensions.</summary>
    public static Task<B2buaFixture> StartAsync(TelephonePolicy? policy, DateTimeOffset start, params string[] extensions) =>
        StartAsync(policy, start, null, extensions);

    /// <summary>Without a policy, message-waiting indication set as <paramref name="messageWaiting"/> says; phones for more extensions.</summary>
    public static Task<B2buaFixture> StartAsync(MessageWaitingOptions messageWaiting, params string[] extensions) =>
        StartAsync(null, new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), messageWaiting, extensions);

    /// <summary>Without a policy, with the abuse limits <paramref name="abuse"/>; phones for more extensions.</summary>
    public static Task<B2buaFixture> StartAsync(Omstilling.Sip.Security.AbuseLimits abuse, params string[] extensions) =>
        StartAsync(null, new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), null, extensions, abuse);

    /// <summary>With a policy and a trunk at <see cref="TrunkAddress"/> (its phone: <see cref="TrunkAsync"/>); phones for more extensions.</summary>
    public static Task<B2buaFixture> StartWithTrunkAsync(TelephonePolicy policy, DateTimeOffset start, params string[] extensions) =>
        StartAsync(policy, start, null, extensions, trunk: true);

    private static async Task<B2buaFixture> StartAsync(TelephonePolicy? policy, DateTimeOffset start, MessageWaitingOptions? messageWaiting, string[] extensions, Omstilling.Sip.Security.AbuseLimits? abuse = null, bool trunk = false)
    {
        var fixture = new B2buaFixture(policy, start, extensions, messageWaiting, abuse, trunk);
        if (policy is not null)
        {
            foreach (var (name, text) in PolicyPrompts.Required(policy))
            {
                await fixture.Prompts.EnsureAsync(PolicyPrompts.Key(name), text, CancellationToken.None);
            }
        }

        await fixture.Server.StartAsync(fixture.Pbx.Server, CancellationToken.None);
        return fixture;
    }

    /// <summary>A phone for <paramref name="user"/> at 192.0.2.(10 + n), started; registered unless told otherwise.</summary>
    /// <param name="secure">Signalling over the server's secure transport (<see cref="SecureServerEndPoint"/>) instead of UDP.</param>
    public async Task<TestPhone> PhoneAsync(string user, bool register = true, bool secure = false)
    {
        var phone = new TestPhone(this, user, new IPEndPoint(IPAddress.Parse($"192.0.2.{10 + _phones.Count}"), 5060), secure);
        _phones.Add(phone);
        await phone.Stack.StartAsync(phone, CancellationToken.None);
        if (register)
        {
            Assert.Equal(200, phone.Register().StatusCode);
            phone.Responses.Clear();
        }

        return phone;
    }

    /// <summary>The telephone network behind the trunk, as a phone at <see cref="TrunkAddress"/> (not registered: it gets every call out).</summary>
    public async Task<TestPhone> TrunkAsync()
    {
        var trunk = new TestPhone(this, "trunk", TrunkAddress);
        _phones.Add(trunk);
        await trunk.Stack.StartAsync(trunk, CancellationToken.None);
        return trunk;
    }

    public void Deliver() => Network.Deliver();

    public void Advance(TimeSpan by)
    {
        var step = TimeSpan.FromMilliseconds(250);
        for (var t = TimeSpan.Zero; t < by; t += step)
        {
            Time.Advance(step < by - t ? step : by - t);
            Network.Deliver();
        }
    }

    /// <summary>
    /// Lets the call run as if in real time, in 100 ms steps of both clocks (signalling and media),
    /// until <paramref name="until"/> holds or <paramref name="limit"/> of call time has passed.
    /// Prompt endings continue on the thread pool, so each step gives them a moment.
    /// </summary>
    public async Task<bool> RunAsync(TimeSpan limit, Func<bool> until)
    {
        var step = TimeSpan.FromMilliseconds(100);
        for (var t = TimeSpan.Zero; t < limit; t += step)
        {
            if (until())
            {
                return true;
            }

            Clock.Tick(5);
            Time.Advance(step);
            Network.Deliver();
            await Task.Delay(2);
            Network.Deliver();
        }

        return until();
    }

    /// <summary>Waits (bounded) until the dispatcher has delivered every event posted so far.</summary>
    public void Delivered()
    {
        if (!Pbx.Events.DeliveredAsync().Wait(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("the call events were not delivered within 10 s");
        }
    }

    public CallEvent[] EventsOf(CallEventKind kind) => Events.Where(e => e.Kind == kind).ToArray();

    public async ValueTask DisposeAsync()
    {
        foreach (var phone in _phones)
        {
            await phone.Stack.DisposeAsync();
        }

        await Server.DisposeAsync();
        await Pbx.Events.DisposeAsync();
        await Media.DisposeAsync();
        Directory.Delete(VoicemailFolder, recursive: true);
        Directory.Delete(SpokenFolder, recursive: true);
    }
}
