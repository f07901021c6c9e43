using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Omstilling.Calls.Events;
using Omstilling.Media;
using Omstilling.Media.Clock;
using Omstilling.Media.Prompts;
using Omstilling.Sip.Auth;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;

namespace Omstilling.Calls.Tests.Support;

/// <summary>The platform on an in-memory network with a fake clock, and phones for extensions 2001-2003.</summary>
internal sealed class B2buaFixture : IAsyncDisposable
{
    public static readonly IPEndPoint ServerAddress = new(IPAddress.Parse("192.0.2.2"), 5060);

    private static int _ranges = Environment.ProcessId;
    private readonly List<TestPhone> _phones = [];

    private B2buaFixture()
    {
        Server = new SipStack(new SipStackOptions(), Time, NullLoggerFactory.Instance);
        Server.AddTransport(Network.Attach(SipTransportKind.Udp, ServerAddress));
        var accounts = new InMemoryAccountStore();
        foreach (var ext in new[] { "100", "2001", "2002", "2003" })
        {
            accounts.Add(SipAccount.FromPassword(ext, "omstilling", "demo" + ext));
        }

        var first = 24000 + (Interlocked.Increment(ref _ranges) % 100 * 100);
        Media = new MediaServer(new MediaOptions { Address = IPAddress.Loopback, FirstPort = first, LastPort = first + 98 }, Clock, TimeProvider.System, NullLoggerFactory.Instance);
        Prompts = new PromptLibrary([Path.Combine(RepositoryRoot(), "prompts", "da")]);
        Pbx = new Pbx(Server, Media, Prompts, accounts, new PbxOptions { PublicNumbers = new Dictionary<string, string> { ["54731000"] = "100" } }, NullLoggerFactory.Instance);
        Pbx.Calls.CallEvent += e => Events.Enqueue(e);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

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

    public ConcurrentQueue<CallEvent> Events { get; } = new();

    public SipEndPoint ServerEndPoint => new(SipTransportKind.Udp, ServerAddress);

    public static async Task<B2buaFixture> StartAsync()
    {
        var fixture = new B2buaFixture();
        await fixture.Server.StartAsync(fixture.Pbx.Server, CancellationToken.None);
        return fixture;
    }

    /// <summary>A phone for <paramref name="user"/> at 192.0.2.(10 + n), started; registered unless told otherwise.</summary>
    public async Task<TestPhone> PhoneAsync(string user, bool register = true)
    {
        var phone = new TestPhone(this, user, new IPEndPoint(IPAddress.Parse($"192.0.2.{10 + _phones.Count}"), 5060));
        _phones.Add(phone);
        await phone.Stack.StartAsync(phone, CancellationToken.None);
        if (register)
        {
            Assert.Equal(200, phone.Register().StatusCode);
            phone.Responses.Clear();
        }

        return phone;
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

    public CallEvent[] EventsOf(CallEventKind kind) => Events.Where(e => e.Kind == kind).ToArray();

    public async ValueTask DisposeAsync()
    {
        foreach (var phone in _phones)
        {
            await phone.Stack.DisposeAsync();
        }

        await Server.DisposeAsync();
        await Media.DisposeAsync();
    }
}
