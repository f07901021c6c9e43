using Omstilling.Calls.Control;
using Omstilling.Directory.Live;
using Omstilling.Policy;
using Omstilling.Web.Cards;
using Omstilling.Web.Messages;

namespace Omstilling.Web.Console;

/// <summary>
/// What an operator console works on: the call engine through its interfaces, the directory, the
/// absences, the phone messages, the policy (whose numbers tell which department a call is for),
/// the clock and the time zone staff read. Shared by every console; immutable.
/// </summary>
/// <param name="Policy">Null when the host runs without one (tests): calls then concern only the people they name.</param>
public sealed record ConsoleServices(
    ISwitchboardControl Calls,
    IQueueMembers Queues,
    IPhonePresence Presence,
    DirectoryHolder Directory,
    PersonCards Cards,
    AbsenceBook Absences,
    IPhoneMessages Messages,
    PolicyProvider? Policy,
    TimeProvider Time,
    TimeZoneInfo Zone);
