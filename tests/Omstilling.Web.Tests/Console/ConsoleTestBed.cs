using Microsoft.Extensions.Time.Testing;
using Omstilling.Calls.Control;
using Omstilling.Calls.Queues;
using Omstilling.Calls.Signalling;
using Omstilling.Directory;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;
using Omstilling.Storage.Users;
using Omstilling.Web.Auth;
using Omstilling.Web.Cards;
using Omstilling.Web.Console;
using Omstilling.Web.Live;

namespace Omstilling.Web.Tests.Console;

/// <summary>
/// A switchboard for the console's view models, without a browser or a server: two operators
/// (Lise Jørgensen 100, Karsten Lund 101), Vej og Park (Jens Hansen 2050, Mette Berg 2051), the
/// engine's interfaces as fakes, a real absence book and cards on a fake clock at 10.00 in
/// Copenhagen on 1 December 2026, and board snapshots made here as the board would.
/// </summary>
internal sealed class ConsoleTestBed : IDisposable
{
    public static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    private long _version;

    public ConsoleTestBed()
    {
        Directory = new DirectoryHolder(new StaffDirectory(
            [],
            [new Department(StaffDirectory.SwitchboardId, "Hovedomstillingen"), new Department("vej-og-park", "Vej og Park") { Topics = ["vejarbejde", "fortove"] }],
            [
                new Person("lise-joergensen", "Lise Jørgensen", StaffDirectory.SwitchboardId) { Extension = "100", Title = "Omstillingsmedarbejder" },
                new Person("karsten-lund", "Karsten Lund", StaffDirectory.SwitchboardId) { Extension = "101", Title = "Omstillingsmedarbejder" },
                new Person("jens-hansen", "Jens Hansen", "vej-og-park") { Extension = "2050", Title = "Vejingeniør", Email = "jens.hansen@guldborgsund.example" },
                new Person("mette-berg", "Mette Berg", "vej-og-park") { Extension = "2051", Title = "Vejformand" },
            ]));
        Absences = new AbsenceBook(Time);
        Messages = new FakePhoneMessages(Time);
        var cards = new PersonCards(Directory, Presence, Absences, new AbsenceAvailability(Absences, Copenhagen), Time, Forwardings);
        Services = new ConsoleServices(Calls, Queues, Presence, Directory, cards, Absences, Messages, null, Time, Copenhagen);
    }

    /// <summary>10.00 in Copenhagen.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public FakeSwitchboardControl Calls { get; } = new();

    public FakeQueueMembers Queues { get; } = new();

    public FakePhonePresence Presence { get; } = new();

    public FakePhoneMessages Messages { get; }

    public DirectoryHolder Directory { get; }

    public AbsenceBook Absences { get; }

    public ForwardingBook Forwardings { get; } = new();

    public ConsoleServices Services { get; }

    /// <summary>The console of an operator with a phone (Lise Jørgensen on 100 unless told otherwise).</summary>
    public ConsoleViewModel Operator(string extension = "100") =>
        new(Services, new SignedInUser(extension, Directory.Current.FindByExtension(extension)?.Name ?? extension, [UserRole.Operator], extension, null, null));

    /// <summary>The console of an administrator, who has no phone.</summary>
    public ConsoleViewModel Administrator() =>
        new(Services, new SignedInUser("admin", "Administrator", [UserRole.Admin, UserRole.Operator], null, null, null));

    /// <summary>The next snapshot (versions grow as the board's do).</summary>
    public BoardSnapshot Board(IReadOnlyList<MemberState> operators, IReadOnlyList<CallView>? calls = null, IReadOnlyList<QueueEntry>? waiting = null) =>
        new(++_version, calls ?? [], waiting ?? [], operators, [.. Absences.AllNotices.Where(n => n.IsActive(Time.GetUtcNow()))]);

    /// <summary>An operator of the queue: registered, logged in, not paused, their phone idle unless told.</summary>
    public static MemberState Member(string extension, bool registered = true, bool loggedIn = true, string? paused = null, PhoneState phone = PhoneState.Idle) =>
        new(extension, registered, loggedIn, paused, registered ? phone : PhoneState.Offline);

    /// <summary>A caller on 20 12 34 56 who called the main number; answered by <paramref name="answeredBy"/> when given.</summary>
    public CallView Caller(Guid id, string? answeredBy = null, RecallView? recall = null, TransferView? transfer = null) =>
        new(id, "20123456", "54731000", Time.GetUtcNow().AddMinutes(-1), answeredBy is null ? CallState.Ringing : CallState.Answered,
            answeredBy, answeredBy is null ? null : Time.GetUtcNow(), answeredBy, answeredBy is null ? "hovedomstilling" : null, ["Vent på omstillingen"], false, null, transfer, recall);

    /// <summary>The caller waiting in the switchboard's queue at <paramref name="position"/>, rung at <paramref name="offeredTo"/>'s phones.</summary>
    public QueueEntry Waiting(Guid id, int position = 1, params string[] offeredTo) =>
        new(id, "hovedomstilling", position, Time.GetUtcNow().AddSeconds(-30), offeredTo, false);

    public void Dispose() => Absences.Dispose();
}
