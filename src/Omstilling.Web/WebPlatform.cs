using Omstilling.Calls.Signalling;
using Omstilling.Directory.Live;
using Omstilling.Policy;
using Omstilling.Sip.Registrar;
using Omstilling.Storage.Messages;
using Omstilling.Storage.Users;
using Omstilling.Web.Cards;
using Omstilling.Web.Messages;

namespace Omstilling.Web;

/// <summary>What the web app works on, made by the host before the web server starts. Immutable.</summary>
public sealed record WebPlatform(
    CallManager Calls,
    BindingStore Bindings,
    PolicyProvider? Policy,
    DirectoryHolder Directory,
    AbsenceBook Absences,
    IAvailabilitySource Availability,
    UserStore Users,
    MessageStore Messages,
    MailOutbox? Outbox,
    TimeProvider Time,
    TimeZoneInfo Zone);
