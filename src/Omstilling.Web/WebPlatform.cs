using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Directory.Live;
using Omstilling.History.CallLists;
using Omstilling.History.Reports;
using Omstilling.Policy;
using Omstilling.Runtime;
using Omstilling.Storage.Messages;
using Omstilling.Storage.Users;
using Omstilling.Web.Cards;
using Omstilling.Web.Messages;

namespace Omstilling.Web;

/// <summary>What the web app works on, made by the host before the web server starts. Immutable.</summary>
public sealed record WebPlatform(
    ISwitchboardControl Switchboard,
    IQueueMembers Queues,
    IPhonePresence Presence,
    ICallEvents CallEvents,
    PolicyProvider? Policy,
    DirectoryHolder Directory,
    AbsenceBook Absences,
    IAvailabilitySource Availability,
    UserStore Users,
    MessageStore Messages,
    MailOutbox? Outbox,
    TimeProvider Time,
    TimeZoneInfo Zone,
    FaultMonitor Faults)
{
    /// <summary>
    /// Where work a page queues onto its circuit from another thread (a board snapshot, a store's
    /// change, a clock tick) is contained when it fails: that update is lost, the page and the
    /// process go on.
    /// </summary>
    public FaultBoundary CircuitFaults => Faults.Boundary("web.circuit");

    /// <summary>The call history's reports (the wallboard's goals of the day); null without a history (tests).</summary>
    public HistoryReports? Reports { get; init; }

    /// <summary>Each person's own calls for "Mine opkald"; null without a history (tests).</summary>
    public PersonCalls? PersonCalls { get; init; }

    /// <summary>The switchboard's calls of the day for the console's call history; null without a history (tests).</summary>
    public SwitchboardCalls? SwitchboardCalls { get; init; }

    /// <summary>Whose calls are forwarded where (the console's card shows it); null in tests that need none.</summary>
    public ForwardingBook? Forwardings { get; init; }

    /// <summary>The staff's voicemail boxes (their messages, PINs and greetings), when the platform keeps them.</summary>
    public Voicemail.StaffVoicemail? Voicemail { get; init; }

    /// <summary>Where a forwarding set on the web may go (the engine's rules, as for the phone codes); null in tests that need none.</summary>
    public IForwardingRules? ForwardingRules { get; init; }

    /// <summary>The phones' SIP accounts for IT's "Brugere og telefoner"; null where the host keeps none (tests).</summary>
    public Admin.IPhoneAccounts? PhoneAccounts { get; init; }

    /// <summary>The directory kept in the database, as the web changes it (imports, department heads' edits); null in tests without one.</summary>
    public DirectoryAdmin.DirectoryAdministration? DirectoryAdmin { get; init; }

    /// <summary>Marks of calls as "fejlstillet" (a person's own, an operator's in the console); null without an engine (tests).</summary>
    public IMisroutedMarks? Marks { get; init; }
}
