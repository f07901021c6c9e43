using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Media;
using Omstilling.Calls.Queues;
using Omstilling.Calls.Signalling;
using Omstilling.Calls.Tests.Support;
using Omstilling.Calls.Voicemail;
using Omstilling.Media;
using Omstilling.Media.Audio;
using Omstilling.Media.Clock;
using Omstilling.Media.Prompts;
using Omstilling.Policy;
using Omstilling.Policy.Routing;
using Omstilling.Runtime;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Registrar;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;

namespace Omstilling.Calls.Tests.Parts.Support;

/// <summary>
/// What the parts of a call work with, without a call around them: our SIP stack and a phone's on
/// an in-memory network with a fake clock (the parts' own <see cref="Omstilling.Sip.Timing.SipScheduler"/>
/// runs on it), a media server on loopback with a manual media clock, the bundled prompts, the
/// bindings, the queues, and <see cref="CallServices"/> over a recording <see cref="FakeRegistry"/>.
/// A test drives one part directly and answers for the phone itself (<see cref="PhoneCore"/>).
/// </summary>
internal sealed class PartsRig : IAsyncDisposable
{
    public static readonly IPEndPoint ServerAddress = new(IPAddress.Parse("192.0.2.2"), 5060);
    public static readonly IPEndPoint PhoneAddress = new(IPAddress.Parse("192.0.2.20"), 5060);

    /// <summary>Monday 30 November 2026, 10:00 in Copenhagen: telephone hours.</summary>
    public static readonly DateTimeOffset WorkingDay = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static int _ranges = Environment.ProcessId;
    private readonly string _voicemail;

    public PartsRig(TelephonePolicy? policy = null, DateTimeOffset? start = null)
    {
        Time = new RigTime(start ?? WorkingDay);
        Faults = new FaultMonitor(NullLoggerFactory.Instance, Time);
        Server = new SipStack(new SipStackOptions(), Time, NullLoggerFactory.Instance, Faults);
        Server.AddTransport(Network.Attach(SipTransportKind.Udp, ServerAddress));
        Phone = new SipStack(new SipStackOptions(), Time, NullLoggerFactory.Instance, Faults);
        Phone.AddTransport(Network.Attach(SipTransportKind.Udp, PhoneAddress));
        Server.StartAsync(ServerCore, CancellationToken.None).GetAwaiter().GetResult();
        Phone.StartAsync(PhoneCore, CancellationToken.None).GetAwaiter().GetResult();

        // A range of its own, apart from the end-to-end fixture's (24000-33999); a taken port is skipped.
        var first = 34000 + (Interlocked.Increment(ref _ranges) % 100 * 60);
        Media = new MediaServer(new MediaOptions { Address = IPAddress.Loopback, FirstPort = first, LastPort = first + 58 }, Clock, Time, NullLoggerFactory.Instance, Faults);
        Prompts = new PromptLibrary([Path.Combine(B2buaFixture.RepositoryRoot(), "prompts", "da")]);
        Music = Prompts.Get(StandardPrompts.MusicOnHold);
        Bindings = new BindingStore(Server.Scheduler, TimeSpan.FromMinutes(5));
        Activity = new PhoneActivity(_ => true);
        Queues = new QueueManager(Bindings, Server.Scheduler, Activity);
        _voicemail = Directory.CreateTempSubdirectory("omstilling-parts-").FullName;
        Options = new CallOptions { VoicemailFolder = _voicemail };
        Policy = policy;
        Services = new CallServices(
            Server, Media, Prompts, Music, Options, Bindings, Queues, Activity,
            policy is null ? null : new PolicyProvider(policy, NullLogger<PolicyProvider>.Instance),
            PolicyState.Staffed, null, null, Faults.Boundary("calls.call"), Registry, new SurveySampler(Options.SurveySeed), StaffState.None,
            new FolderVoicemailBoxes(new VoicemailFolders(_voicemail), Options.ShortestVoicemail), NullLogger.Instance);
    }

    public RigTime Time { get; }

    public FaultMonitor Faults { get; }

    public InMemoryNetwork Network { get; } = new();

    /// <summary>Our stack: the parts send and answer through it.</summary>
    public SipStack Server { get; }

    /// <summary>The phone's stack, at <see cref="PhoneAddress"/>: every extension's binding points here.</summary>
    public SipStack Phone { get; }

    public ServerCore ServerCore { get; } = new();

    public PhoneCore PhoneCore { get; } = new();

    public ManualMediaClock Clock { get; } = new();

    public MediaServer Media { get; }

    public PromptLibrary Prompts { get; }

    public AudioClip Music { get; }

    public BindingStore Bindings { get; }

    public PhoneActivity Activity { get; }

    public QueueManager Queues { get; }

    public CallOptions Options { get; }

    public TelephonePolicy? Policy { get; }

    public FakeRegistry Registry { get; } = new();

    public CallServices Services { get; }

    public string VoicemailFolder => _voicemail;

    public SipEndPoint PhoneEndPoint => new(SipTransportKind.Udp, PhoneAddress);

    public SipEndPoint ServerEndPoint => new(SipTransportKind.Udp, ServerAddress);

    public DateTimeOffset Now => Time.GetUtcNow();

    public void Deliver() => Network.Deliver();

    /// <summary>Moves the clock in small steps, delivering what each step sent.</summary>
    public void Advance(TimeSpan by)
    {
        var step = TimeSpan.FromMilliseconds(100);
        for (var t = TimeSpan.Zero; t < by; t += step)
        {
            Time.Advance(step < by - t ? step : by - t);
            Network.Deliver();
        }
    }

    /// <summary>A phone of <paramref name="aor"/> registered at <see cref="PhoneAddress"/>.</summary>
    public Binding Register(string aor)
    {
        var binding = BindingFor(aor);
        Bindings.Update(aor, (list, _) => list.Add(binding));
        return binding;
    }

    /// <summary>A binding of <paramref name="aor"/> at <see cref="PhoneAddress"/>, not registered.</summary>
    public Binding BindingFor(string aor) =>
        new(aor, SipUri.Sip(aor, PhoneAddress.Address.ToString(), PhoneAddress.Port), PhoneEndPoint, Now.AddHours(1), SipIds.NewCallId("rig"), 1, null);

    /// <summary>The extension is in a call (as the call events would say).</summary>
    public void MakeBusy(string extension) =>
        Activity.OnEvent(new CallEvent(Guid.NewGuid(), CallEventKind.Started, Now, extension, "2999"));

    public LegMedia NewMedia() => LegMedia.Create(Media);

    /// <summary>A dialer for the caller 2001 whose responses go to <paramref name="responses"/>.</summary>
    public BranchDialer Dialer(ResponseSink responses, Omstilling.Sip.Auth.DigestClient? trunkCredentials = null) =>
        new(Server, Registry, trunkCredentials, responses, Registry, "2001", SipMessages.Invite("2001", "2002").From.DisplayName, SipMessages.Invite("2001", "2002").MaxForwards);

    /// <summary>A branch of <paramref name="group"/> to a phone of <paramref name="aor"/> that is not dialled (no transaction).</summary>
    public Branch Branch(RingGroup group, string aor = "2002")
    {
        var branch = new Branch(BindingFor(aor), NewMedia(), group, toTrunk: false);
        group.Add(branch);
        return branch;
    }

    /// <summary>The next of our INVITEs waiting at the phone.</summary>
    public ServerInviteTransaction NextInviteAtPhone()
    {
        Assert.True(PhoneCore.Invites.TryDequeue(out var invite), "an INVITE reached the phone");
        return invite;
    }

    /// <summary>The phone calls <paramref name="dialled"/>: our INVITE server transaction for it, as a call gets it.</summary>
    public ServerInviteTransaction Invite(string caller = "2001", string dialled = "2002", string? body = null)
    {
        var headers = new SipHeaders();
        headers.Add(HeaderName.From, $"\"Phone {caller}\" <sip:{caller}@{ServerAddress.Address}>;tag={SipIds.NewTag()}");
        headers.Add(HeaderName.To, $"<sip:{dialled}@{ServerAddress.Address}>");
        headers.Add(HeaderName.CallId, SipIds.NewCallId("phone"));
        headers.Add(HeaderName.CSeq, new CSeq(1, SipMethod.Invite).ToString());
        headers.Add(HeaderName.Contact, $"<sip:{caller}@{PhoneAddress}>");
        headers.Add(HeaderName.MaxForwards, "70");
        var invite = new SipRequest(SipMethod.Invite, SipUri.Sip(dialled, ServerAddress.Address.ToString()), headers);
        if (body is not "")
        {
            invite.Headers.Add(HeaderName.ContentType, "application/sdp");
            invite.Body = System.Text.Encoding.ASCII.GetBytes(body ?? TestPhone.Sdp(caller));
        }

        var before = ServerCore.Invites.Count;
        PhoneCore.Outgoing = (ClientInviteTransaction)Phone.SendRequest(invite, ServerEndPoint, PhoneCore);
        Deliver();
        Assert.Equal(before + 1, ServerCore.Invites.Count);
        return ServerCore.Invites.Last();
    }

    /// <summary>A real call made on a fresh INVITE; it is only a key for the queues and the registry here (its own parts are not used).</summary>
    public Call NewCall(string caller = "2001", string dialled = "2002") => new(Services, Invite(caller, dialled), caller, dialled);

    /// <summary>
    /// A call that has ended, to stand for the call that owns the part under test wherever a part
    /// hands the queues or the registry its call: an ended call ignores what the queues offer it,
    /// so only the part under test acts on the offers.
    /// </summary>
    public Call EndedCall(string caller = "2001", string dialled = "2002")
    {
        var call = NewCall(caller, dialled);
        call.Abort();
        Deliver();
        return call;
    }

    public async ValueTask DisposeAsync()
    {
        await Phone.DisposeAsync();
        await Server.DisposeAsync();
        await Media.DisposeAsync();
        Directory.Delete(_voicemail, recursive: true);
    }
}
